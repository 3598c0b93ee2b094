// AddUserToGroup: makes a user a member of a group (at most 10 groups per user); adding a member again is a no-op.
import { LimitExceeded } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { QUOTAS } from '../validation';
import { requireGroup } from './require-group';

export const addUserToGroup: IamOperation<'AddUserToGroup'> = async (ctx, input) => {
  const { store } = ctx;
  // The user is looked up first: when neither exists, AWS names the user.
  const user = await requireUser(store, input.UserName);
  const group = await requireGroup(store, input.GroupName);
  if (await store.groups.isMember(group.groupId, user.userId)) return {};
  if ((await store.groups.countForUser(user.userId)) >= QUOTAS.groupsPerUser) {
    throw new LimitExceeded(`Cannot exceed quota for GroupsPerUser: ${QUOTAS.groupsPerUser}`);
  }
  await store.groups.addMember(group.groupId, user.userId, ctx.now.toISOString());
  return {};
};
