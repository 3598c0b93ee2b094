// UpdateAssumeRolePolicy: replaces a role's trust policy (not allowed on service-linked roles).
import type { IamOperation } from '../../core/context';
import { assertRoleModifiable, requireRole } from './require-role';
import { validateTrustPolicy } from './trust-policy';

export const updateAssumeRolePolicy: IamOperation<'UpdateAssumeRolePolicy'> = async (ctx, input) => {
  const role = await requireRole(ctx.store, input.RoleName);
  assertRoleModifiable(role);
  await validateTrustPolicy(input.PolicyDocument, ctx.store, ctx.principal.accountId);
  await ctx.store.roles.update(role.roleId, { assumeRolePolicy: input.PolicyDocument });
  return {};
};
