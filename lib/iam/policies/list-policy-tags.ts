// ListPolicyTags: a managed policy's tags in the order they were added, paginated (AWS managed ones have none).
import type { IamOperation } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { requireManagedPolicy } from './managed-policy';

export const listPolicyTags: IamOperation<'ListPolicyTags'> = async (ctx, input) => {
  const policy = await requireManagedPolicy(ctx.store, input.PolicyArn);
  const tags = policy.isAwsManaged ? [] : await ctx.store.tags.list('policy', policy.arn);
  const after = decodeMarker(input.Marker);
  if (after !== undefined && !/^\d+$/.test(after)) throw new ValidationError('Invalid Marker');
  const start = after === undefined ? 0 : Number(after);
  const limit = pageSize(input.MaxItems);
  const page = tags.slice(start, start + limit);
  return { Tags: page, ...pageResult(start + limit < tags.length ? String(start + limit) : undefined) };
};
