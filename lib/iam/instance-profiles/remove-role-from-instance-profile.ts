// RemoveRoleFromInstanceProfile: takes a role out of an instance profile.
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { assertRoleModifiable, requireRole } from '../roles/require-role';
import { requireInstanceProfile } from './require-instance-profile';

export const removeRoleFromInstanceProfile: IamOperation<'RemoveRoleFromInstanceProfile'> = async (ctx, input) => {
  const profile = await requireInstanceProfile(ctx.store, input.InstanceProfileName);
  const role = await requireRole(ctx.store, input.RoleName);
  assertRoleModifiable(role);
  if (!(await ctx.store.instanceProfiles.listRoleIds(profile.instanceProfileId)).includes(role.roleId)) {
    throw new NoSuchEntity(`The role with name ${role.roleName} cannot be found in instance profile ${profile.instanceProfileName}.`);
  }
  await ctx.store.instanceProfiles.removeRole(profile.instanceProfileId, role.roleId);
  return {};
};
