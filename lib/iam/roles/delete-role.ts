// DeleteRole: removes a role that is in no instance profile and has no policies; service-linked roles refuse.
import { DeleteConflict } from '../../core/errors';
import type { Store } from '../../store/types';
import type { RoleRecord } from '../../store/roles';
import type { IamOperation } from '../../core/context';
import { replaceDeletedPrincipal } from './deleted-principals';
import { assertRoleModifiable, requireRole } from './require-role';
import { roleArn } from './role-view';

export const deleteRole: IamOperation<'DeleteRole'> = async (ctx, input) => {
  const role = requireRole(ctx.store, input.RoleName);
  assertRoleModifiable(role);
  if (ctx.store.instanceProfiles.listForRole(role.roleId).length > 0) {
    throw new DeleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  }
  if (ctx.store.attachments.countForPrincipal('role', role.roleId) > 0)
    throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
  if (ctx.store.inlinePolicies.list('role', role.roleId).length > 0)
    throw new DeleteConflict('Cannot delete entity, must delete policies first.');
  removeRole(ctx.store, ctx.principal.accountId, role);
  return {};
};

/**
 * Deletes a role with its tags (callers have dealt with its policies and instance profiles); trust policies
 * that named it keep its unique id instead, as IAM's do.
 */
export function removeRole(store: Store, accountId: string, role: RoleRecord): void {
  store.tags.removeAll('role', role.roleId);
  store.roles.delete(role.roleId);
  replaceDeletedPrincipal(store, roleArn(accountId, role), role.roleId);
}
