// UpdateRole: changes a role's description and/or maximum session duration.
import type { UpdateRoleRequest } from '@aws-sdk/client-iam';
import type { RoleChanges } from '../../store/roles';
import type { Operation } from '../context';
import { requireRole } from './require-role';

export const updateRole: Operation<UpdateRoleRequest> = (ctx, input) => {
  const role = requireRole(ctx.store, input.RoleName!);
  const changes: RoleChanges = {};
  if (input.Description !== undefined) changes.description = input.Description;
  if (input.MaxSessionDuration !== undefined) changes.maxSessionDuration = input.MaxSessionDuration;
  ctx.store.roles.update(role.roleId, changes);
  return {};
};
