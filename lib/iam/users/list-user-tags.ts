// ListUserTags: a user's tags in the order they were added, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireUser } from './require-user';

export const listUserTags: IamOperation<'ListUserTags'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  const positioned = (await ctx.store.tags.list('user', user.userId)).map((tag, index) => ({ tag, key: String(index).padStart(6, '0') }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
