// UpdateGroup: rename a group and/or move it to another path; members and policies follow (they reference the id).
import { EntityAlreadyExists } from '../../core/errors';
import { isDuplicateKeyError } from '../../store/errors';
import type { IamOperation } from '../../core/context';
import { validateName, validatePath } from '../validation';
import { requireGroup } from './require-group';

export const updateGroup: IamOperation<'UpdateGroup'> = async (ctx, input) => {
  const group = await requireGroup(ctx.store, input.GroupName);
  const changes: { groupName?: string; path?: string } = {};
  const newName = input.NewGroupName;
  const exists = () => new EntityAlreadyExists(`Group with name ${newName} already exists.`);
  if (newName !== undefined && newName !== group.groupName) {
    validateName(newName, 'newGroupName', 128);
    const other = await ctx.store.groups.getByName(newName);
    if (other && other.groupId !== group.groupId) throw exists();
    changes.groupName = newName;
  }
  if (input.NewPath !== undefined) {
    validatePath(input.NewPath, 'newPath');
    changes.path = input.NewPath;
  }
  try {
    await ctx.store.groups.update(group.groupId, changes);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw exists();
    throw error;
  }
  return {};
};
