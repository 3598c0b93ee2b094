// AddRoleToInstanceProfile: puts a role in an instance profile, which holds at most one role.
import { LimitExceeded } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { QUOTAS } from '../validation';
import { assertRoleModifiable, requireRole } from '../roles/require-role';
import { requireInstanceProfile } from './require-instance-profile';

export const addRoleToInstanceProfile: IamOperation<'AddRoleToInstanceProfile'> = async (ctx, input) => {
  const profile = await requireInstanceProfile(ctx.store, input.InstanceProfileName);
  const role = await requireRole(ctx.store, input.RoleName);
  assertRoleModifiable(role);
  if ((await ctx.store.instanceProfiles.listRoleIds(profile.instanceProfileId)).length >= QUOTAS.rolesPerInstanceProfile) {
    throw new LimitExceeded(`Cannot exceed quota for InstanceSessionsPerInstanceProfile: ${QUOTAS.rolesPerInstanceProfile}`);
  }
  await ctx.store.instanceProfiles.addRole(profile.instanceProfileId, role.roleId);
  return {};
};
