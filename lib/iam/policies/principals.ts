// Looks up the user, group or role a policy is attached to or embedded in, by name, with AWS's NoSuchEntity messages.
import { NoSuchEntity, UnmodifiableEntity } from '../../core/errors';
import type { Store } from '../../store/types';
import type { PrincipalKind } from '../../store/policies';

/** A principal that can hold policies. */
export interface PolicyHolder {
  kind: PrincipalKind;
  id: string;
  name: string;
  path: string;
  /** Service-linked roles: only AWS may change their policies. */
  protected: boolean;
}

/** The principal of this kind and name, or NoSuchEntity. */
export async function requirePolicyHolder(store: Store, kind: PrincipalKind, name: string): Promise<PolicyHolder> {
  if (kind === 'user') {
    const user = await store.users.getByName(name);
    if (!user) throw new NoSuchEntity(`The user with name ${name} cannot be found.`);
    return { kind, id: user.userId, name: user.userName, path: user.path, protected: false };
  }
  if (kind === 'group') {
    const group = await store.groups.getByName(name);
    if (!group) throw new NoSuchEntity(`The group with name ${name} cannot be found.`);
    return { kind, id: group.groupId, name: group.groupName, path: group.path, protected: false };
  }
  const role = await store.roles.getByName(name);
  if (!role) throw new NoSuchEntity(`The role with name ${name} cannot be found.`);
  return { kind, id: role.roleId, name: role.roleName, path: role.path, protected: role.serviceLinked };
}

/** The principal to change: as `requirePolicyHolder`, refusing service-linked roles as AWS does. */
export async function requireModifiablePolicyHolder(store: Store, kind: PrincipalKind, name: string): Promise<PolicyHolder> {
  const holder = await requirePolicyHolder(store, kind, name);
  if (holder.protected) {
    throw new UnmodifiableEntity(
      `Cannot perform the operation on the protected role '${holder.name}' - this role is only modifiable by AWS`,
    );
  }
  return holder;
}

/** `User`, `Group` or `Role`, as AWS spells the kind in quota names and parameters. */
export function kindName(kind: PrincipalKind): 'User' | 'Group' | 'Role' {
  return kind === 'user' ? 'User' : kind === 'group' ? 'Group' : 'Role';
}
