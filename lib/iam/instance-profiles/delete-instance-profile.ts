// DeleteInstanceProfile: removes an instance profile that holds no role, with its tags.
import { DeleteConflict } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireInstanceProfile } from './require-instance-profile';

export const deleteInstanceProfile: IamOperation<'DeleteInstanceProfile'> = async (ctx, input) => {
  const profile = requireInstanceProfile(ctx.store, input.InstanceProfileName);
  if (ctx.store.instanceProfiles.listRoleIds(profile.instanceProfileId).length > 0) {
    throw new DeleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  }
  ctx.store.tags.removeAll('instance-profile', profile.instanceProfileId);
  ctx.store.instanceProfiles.delete(profile.instanceProfileId);
  return {};
};
