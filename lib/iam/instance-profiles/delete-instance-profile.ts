// DeleteInstanceProfile: removes an instance profile that holds no role, with its tags.
import { DeleteConflict } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireInstanceProfile } from './require-instance-profile';

export const deleteInstanceProfile: IamOperation<'DeleteInstanceProfile'> = async (ctx, input) => {
  const profile = await requireInstanceProfile(ctx.store, input.InstanceProfileName);
  if ((await ctx.store.instanceProfiles.listRoleIds(profile.instanceProfileId)).length > 0) {
    throw new DeleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  }
  await ctx.store.tags.removeAll('instance-profile', profile.instanceProfileId);
  await ctx.store.instanceProfiles.delete(profile.instanceProfileId);
  return {};
};
