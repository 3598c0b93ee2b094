// DeleteGroup: removes a group without members or policies; otherwise AWS's DeleteConflict.
import { DeleteConflict } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireGroup } from './require-group';

export const deleteGroup: IamOperation<'DeleteGroup'> = async (ctx, input) => {
  const { store } = ctx;
  const group = await requireGroup(store, input.GroupName);
  if ((await store.groups.countMembers(group.groupId)) > 0)
    throw new DeleteConflict('Cannot delete entity, must remove users from group first.');
  if ((await store.inlinePolicies.list('group', group.groupId)).length > 0)
    throw new DeleteConflict('Cannot delete entity, must delete policies first.');
  if ((await store.attachments.countForPrincipal('group', group.groupId)) > 0)
    throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
  await store.groups.delete(group.groupId);
  return {};
};
