// The row of `roles` as both SQL stores read it (the SQLite and PostgreSQL schemas name its columns alike), its
// mapping to the record the repository returns, and the columns an update changes. `service_linked` is a boolean as
// PostgreSQL returns it; SQLite, which has no boolean type, reads it as 0 or 1 and converts it first
// (lib/store/sqlite/roles.ts).
import type { RoleChanges, RoleRecord } from '../roles';
import type { ColumnSpec } from './columns';

export interface RoleRow {
  role_id: string;
  role_name: string;
  name_key: string;
  path: string;
  create_date: string;
  assume_role_policy: string;
  description: string | null;
  max_session_duration: number;
  permissions_boundary_arn: string | null;
  last_used_date: string | null;
  last_used_region: string | null;
  service_linked: boolean;
}

/** The column of each field UpdateRole and friends change; a clearable field given as undefined is set to NULL. */
export const ROLE_COLUMNS: Record<keyof RoleChanges, ColumnSpec> = {
  assumeRolePolicy: { column: 'assume_role_policy' },
  description: { column: 'description', clearable: true },
  maxSessionDuration: { column: 'max_session_duration' },
  permissionsBoundaryArn: { column: 'permissions_boundary_arn', clearable: true },
};

export function toRoleRecord(row: RoleRow): RoleRecord {
  const role: RoleRecord = {
    roleId: row.role_id,
    roleName: row.role_name,
    path: row.path,
    createDate: row.create_date,
    assumeRolePolicy: row.assume_role_policy,
    maxSessionDuration: row.max_session_duration,
    serviceLinked: row.service_linked,
  };
  if (row.description !== null) role.description = row.description;
  if (row.permissions_boundary_arn) role.permissionsBoundaryArn = row.permissions_boundary_arn;
  if (row.last_used_date) role.lastUsedDate = row.last_used_date;
  if (row.last_used_region) role.lastUsedRegion = row.last_used_region;
  return role;
}
