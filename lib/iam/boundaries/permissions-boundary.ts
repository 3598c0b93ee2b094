// Setting and removing the permissions boundary of users and roles (a managed policy that caps their permissions).
import { NoSuchEntity } from '../../protocol/errors';
import type { Operation } from '../context';
import { requireAttachablePolicy } from '../policies/managed-policy';
import { requireModifiablePolicyHolder } from '../policies/principals';

interface BoundaryInput {
  UserName?: string;
  RoleName?: string;
  PermissionsBoundary?: string;
}

/** Put{User,Role}PermissionsBoundary: the policy must exist (customer or AWS managed); replaces any boundary. */
export function putPermissionsBoundaryOperation(kind: 'user' | 'role'): Operation<BoundaryInput> {
  return (ctx, input) => {
    const { store } = ctx;
    const holder = requireModifiablePolicyHolder(store, kind, (kind === 'user' ? input.UserName : input.RoleName)!);
    const policy = requireAttachablePolicy(store, input.PermissionsBoundary!);
    if (kind === 'user') store.users.update(holder.id, { permissionsBoundaryArn: policy.arn });
    else store.roles.update(holder.id, { permissionsBoundaryArn: policy.arn });
    return {};
  };
}

/** Delete{User,Role}PermissionsBoundary: NoSuchEntity when the principal has no boundary. */
export function deletePermissionsBoundaryOperation(kind: 'user' | 'role'): Operation<BoundaryInput> {
  return (ctx, input) => {
    const { store } = ctx;
    const name = (kind === 'user' ? input.UserName : input.RoleName)!;
    const holder = requireModifiablePolicyHolder(store, kind, name);
    const current = kind === 'user' ? store.users.getById(holder.id)?.permissionsBoundaryArn : store.roles.getById(holder.id)?.permissionsBoundaryArn;
    if (!current) throw new NoSuchEntity(`The ${kind} with name ${name} does not have a permissions boundary.`);
    if (kind === 'user') store.users.update(holder.id, { permissionsBoundaryArn: undefined });
    else store.roles.update(holder.id, { permissionsBoundaryArn: undefined });
    return {};
  };
}
