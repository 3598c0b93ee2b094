// GetPolicy: a managed policy's metadata (not its document), with attachment and boundary usage counts and tags.
import type { IamOperation } from '../../core/context';
import { policyCounts, policyView, requireManagedPolicy } from './managed-policy';

export const getPolicy: IamOperation<'GetPolicy'> = async (ctx, input) => {
  const policy = await requireManagedPolicy(ctx.store, input.PolicyArn);
  const tags = policy.isAwsManaged ? [] : await ctx.store.tags.list('policy', policy.arn);
  return { Policy: policyView(policy, await policyCounts(ctx.store, policy.arn), { tags, emptyTags: true, withDescription: true }) };
};
