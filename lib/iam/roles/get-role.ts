// GetRole: a role with its trust policy, tags, permissions boundary and last use.
import type { IamOperation } from '../../core/context';
import { requireRole } from './require-role';
import { roleView } from './role-view';

export const getRole: IamOperation<'GetRole'> = async (ctx, input) => {
  const role = await requireRole(ctx.store, input.RoleName);
  return {
    Role: roleView(ctx.principal.accountId, role, {
      tags: await ctx.store.tags.list('role', role.roleId),
      withBoundary: true,
      withLastUsed: true,
    }),
  };
};
