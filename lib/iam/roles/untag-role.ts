// UntagRole: removes tags from a role by key (ignoring case); absent keys are ignored, as AWS does.
import type { UntagRoleRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { requireRole } from './require-role';

export const untagRole: Operation<UntagRoleRequest> = (ctx, input) => {
  const role = requireRole(ctx.store, input.RoleName!);
  ctx.store.tags.remove('role', role.roleId, input.TagKeys ?? []);
  return {};
};
