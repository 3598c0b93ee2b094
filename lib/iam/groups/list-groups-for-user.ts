// ListGroupsForUser: the groups a user belongs to, by name, paginated (at most 10, so paged in memory).
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireUser } from '../users/require-user';
import { groupView } from './group-view';

export const listGroupsForUser: IamOperation<'ListGroupsForUser'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  const groups = await ctx.store.groups.listForUser(user.userId);
  const page = paginateArray(groups, (group) => group.groupName.toLowerCase(), input.Marker, input.MaxItems);
  return {
    Groups: page.items.map((group) => groupView(ctx.principal.accountId, group)),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
