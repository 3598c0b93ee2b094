// Session policy inputs shared by GetFederationToken and the federation AssumeRole* operations: validation and
// AWS's PackedPolicySize.
import { deflateRawSync } from 'node:zlib';
import type { PolicyDescriptorType, Tag } from '../core/generated/sts-types';
import { parseArn } from '../iam/arn';
import { malformedPolicyMessage } from '../policy';
import { InvalidParameterValue, MalformedPolicyDocument, PackedPolicyTooLarge, ValidationError } from '../core/errors';

/** Bytes of compressed session policies and tags that make 100% of AWS's packed policy allowance (an approximation). */
const PACKED_LIMIT_BYTES = 1536;

/** Checks `Policy` and `PolicyArns` as AWS does, and returns the session's policy fields. */
export function sessionPolicyFields(policy: string | undefined, policyArns: PolicyDescriptorType[] | undefined) {
  if (policy !== undefined) {
    const problem = malformedPolicyMessage(policy, 'session');
    if (problem) throw new MalformedPolicyDocument(problem);
  }
  if ((policyArns?.length ?? 0) > 10) throw new ValidationError('PolicyArns may name at most 10 managed policies.');
  for (const descriptor of policyArns ?? []) {
    if (!descriptor.arn || !parseArn(descriptor.arn)) throw new InvalidParameterValue(`Invalid policy ARN: ${descriptor.arn ?? ''}`);
  }
  return {
    sessionPolicies: policy !== undefined ? [policy] : undefined,
    sessionPolicyArns: policyArns?.length ? policyArns.map((d) => d.arn!) : undefined,
  };
}

/** AWS's PackedPolicySize (percent of the allowance), or PackedPolicyTooLarge beyond 100%. */
export function packedPolicySize(
  policy: string | undefined,
  policyArns: PolicyDescriptorType[] | undefined,
  tags: Tag[] | undefined,
): number | undefined {
  if (policy === undefined && !policyArns?.length && !tags?.length) return undefined;
  const packed = JSON.stringify({
    p: policy?.replace(/\s+/g, ''),
    a: policyArns?.map((d) => d.arn),
    t: tags?.map((t) => [t.Key, t.Value]),
  });
  const size = Math.ceil((deflateRawSync(packed).length / PACKED_LIMIT_BYTES) * 100);
  if (size > 100) throw new PackedPolicyTooLarge(`Packed policy consumes ${size}% of allotted space, please use smaller policy.`);
  return size;
}
