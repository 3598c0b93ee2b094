// Looks up a role by name or fails with AWS's NoSuchEntity message; guards service-linked roles.
import { NoSuchEntity, UnmodifiableEntity } from '../../core/errors';
import type { Store } from '../../store/types';
import type { RoleRecord } from '../../store/roles';

/** The role named `roleName` (ignoring case), or NoSuchEntity as AWS words it. */
export async function requireRole(store: Store, roleName: string): Promise<RoleRecord> {
  const role = await store.roles.getByName(roleName);
  if (!role) throw new NoSuchEntity(`The role with name ${roleName} cannot be found.`);
  return role;
}

/**
 * Refuses changes to a service-linked role (UpdateAssumeRolePolicy, DeleteRole, Put/AttachRolePolicy, ...):
 * only the service that owns it may change it.
 */
export function assertRoleModifiable(role: RoleRecord): void {
  if (role.serviceLinked) {
    throw new UnmodifiableEntity(
      `Cannot perform the operation on the protected role '${role.roleName}' - this role is only modifiable by AWS`,
    );
  }
}
