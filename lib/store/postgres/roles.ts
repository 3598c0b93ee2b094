// PostgreSQL implementation of the roles repository.
import type { Page } from '../users';
import type { RoleChanges, RoleRecord, RoleRepository } from '../roles';
import { count, type Sql } from './sql';
import { listByPath } from './path-listing';
import { updateColumns, type ColumnSpec } from './column-update';
import { countedRowsSql } from '../entity-counts';

interface RoleRow {
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

function toRecord(row: RoleRow): RoleRecord {
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

/** Role fields UpdateRole and friends change; a field given as undefined is cleared, as on SQLite. */
const COLUMNS: Record<keyof RoleChanges, ColumnSpec> = {
  assumeRolePolicy: { column: 'assume_role_policy' },
  description: { column: 'description', clearable: true },
  maxSessionDuration: { column: 'max_session_duration' },
  permissionsBoundaryArn: { column: 'permissions_boundary_arn', clearable: true },
};

export class PostgresRoleRepository implements RoleRepository {
  constructor(private readonly sql: Sql) {}

  async insert(role: RoleRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO roles (role_id, role_name, name_key, path, create_date, assume_role_policy, description,
         max_session_duration, permissions_boundary_arn, last_used_date, last_used_region, service_linked)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        role.roleId,
        role.roleName,
        role.roleName.toLowerCase(),
        role.path,
        role.createDate,
        role.assumeRolePolicy,
        role.description ?? null,
        role.maxSessionDuration,
        role.permissionsBoundaryArn ?? null,
        role.lastUsedDate ?? null,
        role.lastUsedRegion ?? null,
        role.serviceLinked,
      ],
    );
  }

  async getByName(roleName: string): Promise<RoleRecord | undefined> {
    const row = await this.sql.row<RoleRow>('SELECT * FROM roles WHERE name_key = $1', [roleName.toLowerCase()]);
    return row && toRecord(row);
  }

  async getById(roleId: string): Promise<RoleRecord | undefined> {
    const row = await this.sql.row<RoleRow>('SELECT * FROM roles WHERE role_id = $1', [roleId]);
    return row && toRecord(row);
  }

  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<RoleRecord>> {
    return listByPath(this.sql, 'roles', toRecord, options);
  }

  update(roleId: string, changes: RoleChanges): Promise<void> {
    return updateColumns(this.sql, 'roles', 'role_id', COLUMNS, roleId, changes);
  }

  async delete(roleId: string): Promise<void> {
    await this.sql.run('DELETE FROM roles WHERE role_id = $1', [roleId]);
  }

  count(): Promise<number> {
    return count(this.sql, countedRowsSql('roles'));
  }

  async recordUse(roleId: string, date: string, region: string): Promise<void> {
    await this.sql.run('UPDATE roles SET last_used_date = $1, last_used_region = $2 WHERE role_id = $3', [date, region, roleId]);
  }
}
