// UpdateRoleDescription: replaces a role's description and returns the updated role.
import type { IamOperation } from '../../core/context';
import { requireRole } from './require-role';
import { roleView } from './role-view';

export const updateRoleDescription: IamOperation<'UpdateRoleDescription'> = async (ctx, input) => {
  const role = await requireRole(ctx.store, input.RoleName);
  await ctx.store.roles.update(role.roleId, { description: input.Description });
  const updated = (await ctx.store.roles.getById(role.roleId))!;
  return {
    Role: roleView(ctx.principal.accountId, updated, {
      tags: await ctx.store.tags.list('role', role.roleId),
      withBoundary: true,
      withLastUsed: true,
    }),
  };
};
