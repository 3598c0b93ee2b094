// Setting and removing the permissions boundary of users and roles (a managed policy that caps their permissions).
import type { Operation } from '../../core/context';
import type { PutRolePermissionsBoundaryRequest, PutUserPermissionsBoundaryRequest } from '../../core/generated/iam-types';
import { requireBoundaryPolicy } from '../policies/managed-policy';
import { requireModifiablePolicyHolder } from '../policies/principals';

interface BoundaryInput {
  UserName?: string;
  RoleName?: string;
  PermissionsBoundary?: string;
}

/** Put{User,Role}PermissionsBoundary: the policy must exist (customer or AWS managed); replaces any boundary. */
export function putPermissionsBoundaryOperation(
  kind: 'user' | 'role',
): Operation<PutUserPermissionsBoundaryRequest | PutRolePermissionsBoundaryRequest, unknown> {
  return async (ctx, input) => {
    const { store } = ctx;
    const names: BoundaryInput = input;
    const holder = await requireModifiablePolicyHolder(store, kind, (kind === 'user' ? names.UserName : names.RoleName)!);
    const policy = await requireBoundaryPolicy(store, input.PermissionsBoundary);
    if (kind === 'user') await store.users.update(holder.id, { permissionsBoundaryArn: policy.arn });
    else await store.roles.update(holder.id, { permissionsBoundaryArn: policy.arn });
    return {};
  };
}

/** Delete{User,Role}PermissionsBoundary: idempotent, as AWS answers a principal without a boundary. */
export function deletePermissionsBoundaryOperation(kind: 'user' | 'role'): Operation<BoundaryInput, unknown> {
  return async (ctx, input) => {
    const { store } = ctx;
    const holder = await requireModifiablePolicyHolder(store, kind, (kind === 'user' ? input.UserName : input.RoleName)!);
    if (kind === 'user') await store.users.update(holder.id, { permissionsBoundaryArn: undefined });
    else await store.roles.update(holder.id, { permissionsBoundaryArn: undefined });
    return {};
  };
}
