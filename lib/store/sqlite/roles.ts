// SQLite implementation of the roles repository.
import type { SqliteDatabase } from './database';
import { PathListing } from './path-listing';
import { ColumnUpdater } from './column-update';
import type { Page } from '../users';
import type { RoleChanges, RoleRecord, RoleRepository } from '../roles';
import { countedRowsSql } from '../entity-counts';
import { ROLE_COLUMNS, toRoleRecord, type RoleRow } from '../rows/roles';

/** A row of `roles` as SQLite returns it: SQLite has no boolean type, so `service_linked` reads as 0 or 1. */
type SqliteRoleRow = Omit<RoleRow, 'service_linked'> & { service_linked: number };

function toRecord(row: SqliteRoleRow): RoleRecord {
  return toRoleRecord({ ...row, service_linked: row.service_linked === 1 });
}

export class SqliteRoleRepository implements RoleRepository {
  private readonly insertStatement;
  private readonly byName;
  private readonly byId;
  private readonly listing;
  private readonly updater;
  private readonly countStatement;
  private readonly deleteStatement;
  private readonly recordUseStatement;

  constructor(private readonly db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      `INSERT INTO roles (role_id, role_name, name_key, path, create_date, assume_role_policy, description,
         max_session_duration, permissions_boundary_arn, last_used_date, last_used_region, service_linked)
       VALUES (@roleId, @roleName, @nameKey, @path, @createDate, @assumeRolePolicy, @description,
         @maxSessionDuration, @permissionsBoundaryArn, @lastUsedDate, @lastUsedRegion, @serviceLinked)`,
    );
    this.byName = db.prepare<[string], SqliteRoleRow>('SELECT * FROM roles WHERE name_key = ?');
    this.byId = db.prepare<[string], SqliteRoleRow>('SELECT * FROM roles WHERE role_id = ?');
    this.listing = new PathListing(db, 'roles', toRecord);
    this.updater = new ColumnUpdater(db, 'roles', 'role_id', ROLE_COLUMNS);
    this.countStatement = db.prepare<[], { n: number }>(countedRowsSql('roles'));
    this.deleteStatement = db.prepare('DELETE FROM roles WHERE role_id = ?');
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

  async getByName(roleName: string): Promise<RoleRecord | undefined> {
    const row = this.byName.get(roleName.toLowerCase());
    return row && toRecord(row);
  }

  async getById(roleId: string): Promise<RoleRecord | undefined> {
    const row = this.byId.get(roleId);
    return row && toRecord(row);
  }

  async list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<RoleRecord>> {
    return this.listing.list(options);
  }

  async update(roleId: string, changes: RoleChanges): Promise<void> {
    this.updater.update(roleId, changes);
  }

  async delete(roleId: string): Promise<void> {
    this.deleteStatement.run(roleId);
  }

  async count(): Promise<number> {
    return this.countStatement.get()!.n;
  }

  async recordUse(roleId: string, date: string, region: string): Promise<void> {
    this.recordUseStatement.run(date, region, roleId);
  }
}
