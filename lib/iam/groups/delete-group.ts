// DeleteGroup: removes a group without members or policies; otherwise AWS's DeleteConflict.
import { DeleteConflict } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireGroup } from './require-group';

export const deleteGroup: IamOperation<'DeleteGroup'> = async (ctx, input) => {
  const { store } = ctx;
  const group = requireGroup(store, input.GroupName);
  if (store.groups.countMembers(group.groupId) > 0) throw new DeleteConflict('Cannot delete entity, must remove users from group first.');
  if (store.inlinePolicies.list('group', group.groupId).length > 0)
    throw new DeleteConflict('Cannot delete entity, must delete policies first.');
  if (store.attachments.countForPrincipal('group', group.groupId) > 0)
    throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
  store.groups.delete(group.groupId);
  return {};
};
