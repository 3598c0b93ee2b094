// UntagPolicy: removes tags of a customer managed policy by key (ignoring case); unknown keys are ignored.
import type { IamOperation } from '../../core/context';
import { requireCustomerPolicy } from './managed-policy';

export const untagPolicy: IamOperation<'UntagPolicy'> = async (ctx, input) => {
  const policy = await requireCustomerPolicy(ctx, input.PolicyArn);
  await ctx.store.tags.remove('policy', policy.arn, input.TagKeys ?? []);
  return {};
};
