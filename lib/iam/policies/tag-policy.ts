// TagPolicy: adds or overwrites tags of a customer managed policy (at most 50).
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { requireCustomerPolicy } from './managed-policy';

export const tagPolicy: IamOperation<'TagPolicy'> = async (ctx, input) => {
  const policy = await requireCustomerPolicy(ctx, input.PolicyArn);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(
    tags,
    (await ctx.store.tags.list('policy', policy.arn)).map((t) => t.Key),
  );
  await ctx.store.tags.put('policy', policy.arn, tags);
  return {};
};
