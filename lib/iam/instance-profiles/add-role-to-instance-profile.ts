// AddRoleToInstanceProfile: puts a role in an instance profile, which holds at most one role.
import { LimitExceeded } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { QUOTAS } from '../validation';
import { assertRoleModifiable, requireRole } from '../roles/require-role';
import { requireInstanceProfile } from './require-instance-profile';

export const addRoleToInstanceProfile: IamOperation<'AddRoleToInstanceProfile'> = async (ctx, input) => {
  const profile = requireInstanceProfile(ctx.store, input.InstanceProfileName);
  const role = requireRole(ctx.store, input.RoleName);
  assertRoleModifiable(role);
  if (ctx.store.instanceProfiles.listRoleIds(profile.instanceProfileId).length >= QUOTAS.rolesPerInstanceProfile) {
    throw new LimitExceeded(`Cannot exceed quota for InstanceSessionsPerInstanceProfile: ${QUOTAS.rolesPerInstanceProfile}`);
  }
  ctx.store.instanceProfiles.addRole(profile.instanceProfileId, role.roleId);
  return {};
};
