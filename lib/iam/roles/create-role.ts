// CreateRole: a new IAM role with a trust policy, path, description, session duration, boundary and tags.
import { EntityAlreadyExists, LimitExceeded } from '../../core/errors';
import { newUniqueId } from '../../crypto/ids';
import { isDuplicateKeyError } from '../../store/errors';
import type { RoleRecord } from '../../store/roles';
import type { IamOperation } from '../../core/context';
import { requireBoundaryPolicy } from '../policies/managed-policy';
import { QUOTAS, validateName, validatePath, validateTags } from '../validation';
import { roleView } from './role-view';
import { validateTrustPolicy } from './trust-policy';

/** AWS's default and bounds for `MaxSessionDuration`, in seconds. */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

export const createRole: IamOperation<'CreateRole'> = async (ctx, input) => {
  const { store } = ctx;
  const roleName = input.RoleName;
  const path = input.Path ?? '/';
  validateName(roleName, 'roleName', 64);
  validatePath(path);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(tags);
  await validateTrustPolicy(input.AssumeRolePolicyDocument, store, ctx.principal.accountId);
  // The same check as PutRolePermissionsBoundary: a managed policy (customer or AWS) that exists.
  if (input.PermissionsBoundary !== undefined) await requireBoundaryPolicy(store, input.PermissionsBoundary);
  if (await store.roles.getByName(roleName)) throw new EntityAlreadyExists(`Role with name ${roleName} already exists.`);
  if ((await store.roles.count()) >= QUOTAS.rolesPerAccount) {
    throw new LimitExceeded(`Cannot exceed quota for RolesPerAccount: ${QUOTAS.rolesPerAccount}`);
  }
  const role: RoleRecord = {
    roleId: newUniqueId('AROA'),
    roleName,
    path,
    createDate: ctx.now.toISOString(),
    assumeRolePolicy: input.AssumeRolePolicyDocument,
    description: input.Description,
    maxSessionDuration: input.MaxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
    permissionsBoundaryArn: input.PermissionsBoundary,
    serviceLinked: false,
  };
  try {
    await store.roles.insert(role);
  } catch (error) {
    // A concurrent writer that won the race between the check above and this insert.
    if (isDuplicateKeyError(error)) throw new EntityAlreadyExists(`Role with name ${roleName} already exists.`);
    throw error;
  }
  if (tags.length > 0) await store.tags.put('role', role.roleId, tags);
  // AWS's CreateRole result names MaxSessionDuration only when the request set it (GetRole always does).
  const view = roleView(ctx.principal.accountId, role, { tags, withBoundary: true });
  return { Role: { ...view, MaxSessionDuration: input.MaxSessionDuration === undefined ? undefined : view.MaxSessionDuration } };
};
