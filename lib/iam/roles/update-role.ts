// UpdateRole: changes a role's description and/or maximum session duration.
import type { RoleChanges } from '../../store/roles';
import type { IamOperation } from '../../core/context';
import { assertRoleModifiable, requireRole } from './require-role';

export const updateRole: IamOperation<'UpdateRole'> = async (ctx, input) => {
  const role = await requireRole(ctx.store, input.RoleName);
  // A service-linked role's description may be edited (AWS allows it); nothing else.
  if (input.MaxSessionDuration !== undefined) assertRoleModifiable(role);
  const changes: RoleChanges = {};
  if (input.Description !== undefined) changes.description = input.Description;
  if (input.MaxSessionDuration !== undefined) changes.maxSessionDuration = input.MaxSessionDuration;
  await ctx.store.roles.update(role.roleId, changes);
  return {};
};
