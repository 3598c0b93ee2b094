// DeleteRole: removes a role that is in no instance profile and has no policies; service-linked roles refuse.
import { DeleteConflict } from '../../core/errors';
import type { Store } from '../../store/types';
import type { RoleRecord } from '../../store/roles';
import type { IamOperation } from '../../core/context';
import { replaceDeletedPrincipal } from './deleted-principals';
import { assertRoleModifiable, requireRole } from './require-role';
import { roleArn } from './role-view';

export const deleteRole: IamOperation<'DeleteRole'> = async (ctx, input) => {
  const role = await requireRole(ctx.store, input.RoleName);
  assertRoleModifiable(role);
  if ((await ctx.store.instanceProfiles.listForRole(role.roleId)).length > 0) {
    throw new DeleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  }
  if ((await ctx.store.attachments.countForPrincipal('role', role.roleId)) > 0)
    throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
  if ((await ctx.store.inlinePolicies.list('role', role.roleId)).length > 0)
    throw new DeleteConflict('Cannot delete entity, must delete policies first.');
  await removeRole(ctx.store, ctx.principal.accountId, role);
  return {};
};

/**
 * Deletes a role with its tags (callers have dealt with its policies and instance profiles); trust policies
 * that named it keep its unique id instead, as IAM's do.
 */
export async function removeRole(store: Store, accountId: string, role: RoleRecord): Promise<void> {
  await store.tags.removeAll('role', role.roleId);
  await store.roles.delete(role.roleId);
  await replaceDeletedPrincipal(store, roleArn(accountId, role), role.roleId);
}
