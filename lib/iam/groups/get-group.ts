// GetGroup: a group and its member users, by user name, paginated.
import type { IamOperation } from '../../core/context';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { userView } from '../users/user-view';
import { groupView } from './group-view';
import { requireGroup } from './require-group';

export const getGroup: IamOperation<'GetGroup'> = async (ctx, input) => {
  const { store, principal } = ctx;
  const group = await requireGroup(store, input.GroupName);
  const page = await store.groups.listMembers(group.groupId, { after: decodeMarker(input.Marker), limit: pageSize(input.MaxItems) });
  const users = [];
  for (const userId of page.userIds) {
    const user = await store.users.getById(userId);
    if (user) users.push(userView(principal.accountId, user));
  }
  return { Group: groupView(principal.accountId, group), Users: users, ...pageResult(page.next) };
};
