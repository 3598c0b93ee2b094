// UntagRole: removes tags from a role by key (ignoring case); absent keys are ignored, as AWS does.
import type { IamOperation } from '../../core/context';
import { requireRole } from './require-role';

export const untagRole: IamOperation<'UntagRole'> = async (ctx, input) => {
  const role = await requireRole(ctx.store, input.RoleName);
  await ctx.store.tags.remove('role', role.roleId, input.TagKeys ?? []);
  return {};
};
