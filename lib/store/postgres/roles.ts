// PostgreSQL implementation of the roles repository.
import type { Page } from '../users';
import type { RoleChanges, RoleRecord, RoleRepository } from '../roles';
import { count, type Sql } from './sql';
import { listByPath } from './path-listing';
import { updateColumns } from './column-update';
import { countedRowsSql } from '../entity-counts';
import { ROLE_COLUMNS, toRoleRecord, type RoleRow } from '../rows/roles';

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
    return row && toRoleRecord(row);
  }

  async getById(roleId: string): Promise<RoleRecord | undefined> {
    const row = await this.sql.row<RoleRow>('SELECT * FROM roles WHERE role_id = $1', [roleId]);
    return row && toRoleRecord(row);
  }

  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<RoleRecord>> {
    return listByPath(this.sql, 'roles', toRoleRecord, options);
  }

  update(roleId: string, changes: RoleChanges): Promise<void> {
    return updateColumns(this.sql, 'roles', 'role_id', ROLE_COLUMNS, roleId, changes);
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
