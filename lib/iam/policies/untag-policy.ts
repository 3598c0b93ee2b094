// UntagPolicy: removes tags of a customer managed policy by key (ignoring case); unknown keys are ignored.
import type { UntagPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { requireCustomerPolicy } from './managed-policy';

export const untagPolicy: Operation<UntagPolicyRequest> = (ctx, input) => {
  const policy = requireCustomerPolicy(ctx, input.PolicyArn!);
  ctx.store.tags.remove('policy', policy.arn, input.TagKeys ?? []);
  return {};
};
