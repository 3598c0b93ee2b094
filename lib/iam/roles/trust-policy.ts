// Checks a role's trust policy (AssumeRolePolicyDocument) as IAM does on CreateRole and UpdateAssumeRolePolicy.
import { LimitExceeded, MalformedPolicyDocument } from '../../core/errors';
import type { Store } from '../../store/types';
import { parseArn, splitPathAndName } from '../arn';
import { malformedPolicyVerdict } from '../policies/policy-document';
import { QUOTAS, policySize } from '../validation';

/** The `AWS` principal values of every statement of a (well-formed) trust policy. */
function awsPrincipals(document: string): string[] {
  let policy: { Statement?: unknown };
  try {
    policy = JSON.parse(document);
  } catch {
    return [];
  }
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  const values: string[] = [];
  for (const statement of statements) {
    const principal = (statement as { Principal?: unknown } | undefined)?.Principal;
    if (principal === null || typeof principal !== 'object') continue;
    const aws = (principal as { AWS?: unknown }).AWS;
    for (const value of Array.isArray(aws) ? aws : [aws]) if (typeof value === 'string') values.push(value);
  }
  return values;
}

/** True when an ARN names a user or role of this account that does not exist (path included). */
async function isMissingLocalIdentity(store: Store, accountId: string, arn: string): Promise<boolean> {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'iam' || parsed.account !== accountId || arn.includes('*')) return false;
  for (const kind of ['user', 'role'] as const) {
    const entity = splitPathAndName(parsed.resource, kind);
    if (!entity) continue;
    const found = kind === 'user' ? await store.users.getByName(entity.name) : await store.roles.getByName(entity.name);
    return !found || found.path !== entity.path;
  }
  return false;
}

/**
 * Size first (AWS's ACLSizePerRole quota, non-whitespace characters), then grammar as a trust policy, then
 * that users and roles of this account named as principals exist, as IAM checks when it stores the policy.
 */
export async function validateTrustPolicy(document: string, store: Store, accountId: string): Promise<void> {
  if (policySize(document) > QUOTAS.trustPolicyBytes) {
    throw new LimitExceeded(`Cannot exceed quota for ACLSizePerRole: ${QUOTAS.trustPolicyBytes}`);
  }
  const message = malformedPolicyVerdict(document, 'trust');
  if (message) throw new MalformedPolicyDocument(message);
  for (const arn of awsPrincipals(document)) {
    if (await isMissingLocalIdentity(store, accountId, arn))
      throw new MalformedPolicyDocument(`Invalid principal in policy: "AWS":"${arn}"`);
  }
}
