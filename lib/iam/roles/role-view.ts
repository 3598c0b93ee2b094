// The `Role` element of IAM responses, built from a stored role.
import type { RoleRecord } from '../../store/roles';
import type { Tag } from '../../store/tags';
import { entityArn } from '../arn';

/** Options for the parts AWS returns only from some operations (GetRole, CreateRole). */
export interface RoleViewOptions {
  tags?: Tag[];
  withBoundary?: boolean;
  withLastUsed?: boolean;
}

/** The ARN of a role: `arn:aws:iam::ACCOUNT:role/path/name`. */
export function roleArn(accountId: string, role: Pick<RoleRecord, 'path' | 'roleName'>): string {
  return entityArn(accountId, 'role', role.path, role.roleName);
}

/** AWS's `RoleLastUsed` element: empty for a role never assumed. */
export function roleLastUsedView(role: RoleRecord) {
  return role.lastUsedDate ? { LastUsedDate: role.lastUsedDate, Region: role.lastUsedRegion } : {};
}

/** AWS's `AttachedPermissionsBoundary` element, when the role has a boundary. */
export function boundaryView(arn: string | undefined) {
  return arn ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn } : undefined;
}

/** AWS's `Role` shape. ListRoles omits tags, boundary and RoleLastUsed; GetRole has them. */
export function roleView(accountId: string, role: RoleRecord, options: RoleViewOptions = {}) {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: roleArn(accountId, role),
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: role.assumeRolePolicy,
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    PermissionsBoundary: options.withBoundary ? boundaryView(role.permissionsBoundaryArn) : undefined,
    Tags: options.tags && options.tags.length > 0 ? options.tags : undefined,
    RoleLastUsed: options.withLastUsed ? roleLastUsedView(role) : undefined,
  };
}
