// RemoveUserFromGroup: ends a user's membership of a group.
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { requireGroup } from './require-group';

export const removeUserFromGroup: IamOperation<'RemoveUserFromGroup'> = async (ctx, input) => {
  const { store } = ctx;
  const group = await requireGroup(store, input.GroupName);
  const user = await requireUser(store, input.UserName);
  if (!(await store.groups.isMember(group.groupId, user.userId))) {
    throw new NoSuchEntity(`The user with name ${user.userName} is not a member of group ${group.groupName}.`);
  }
  await store.groups.removeMember(group.groupId, user.userId);
  return {};
};
