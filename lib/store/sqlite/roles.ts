// SQLite implementation of the roles repository.
import type { SqliteDatabase } from './database';
import { NamedEntityTable } from './named-entity-table';
import type { RoleRecord, RoleRepository } from '../roles';
import { ROLE_COLUMNS, toRoleRecord, type RoleRow } from '../rows/roles';

/** A row of `roles` as SQLite returns it: SQLite has no boolean type, so `service_linked` reads as 0 or 1. */
type SqliteRoleRow = Omit<RoleRow, 'service_linked'> & { service_linked: number };

function toRecord(row: SqliteRoleRow): RoleRecord {
  return toRoleRecord({ ...row, service_linked: row.service_linked === 1 });
}

export class SqliteRoleRepository extends NamedEntityTable<SqliteRoleRow, RoleRecord, keyof typeof ROLE_COLUMNS> implements RoleRepository {
  private readonly insertStatement;
  private readonly recordUseStatement;

  constructor(db: SqliteDatabase) {
    super(db, { table: 'roles', idColumn: 'role_id', columns: ROLE_COLUMNS, toItem: toRecord });
    this.insertStatement = db.prepare(
      `INSERT INTO roles (role_id, role_name, name_key, path, create_date, assume_role_policy, description,
         max_session_duration, permissions_boundary_arn, last_used_date, last_used_region, service_linked)
       VALUES (@roleId, @roleName, @nameKey, @path, @createDate, @assumeRolePolicy, @description,
         @maxSessionDuration, @permissionsBoundaryArn, @lastUsedDate, @lastUsedRegion, @serviceLinked)`,
    );
    this.recordUseStatement = db.prepare('UPDATE roles SET last_used_date = ?, last_used_region = ? WHERE role_id = ?');
  }

  async insert(role: RoleRecord): Promise<void> {
    this.insertStatement.run({
      roleId: role.roleId,
      roleName: role.roleName,
      nameKey: role.roleName.toLowerCase(),
      path: role.path,
      createDate: role.createDate,
      assumeRolePolicy: role.assumeRolePolicy,
      description: role.description ?? null,
      maxSessionDuration: role.maxSessionDuration,
      permissionsBoundaryArn: role.permissionsBoundaryArn ?? null,
      lastUsedDate: role.lastUsedDate ?? null,
      lastUsedRegion: role.lastUsedRegion ?? null,
      serviceLinked: role.serviceLinked ? 1 : 0,
    });
  }

  async recordUse(roleId: string, date: string, region: string): Promise<void> {
    this.recordUseStatement.run(date, region, roleId);
  }
}
