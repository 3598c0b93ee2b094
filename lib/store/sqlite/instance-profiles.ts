// SQLite implementation of the instance profiles repository.
import type { SqliteDatabase } from './database';
import { PathListing } from './path-listing';
import type { Page } from '../users';
import type { InstanceProfileRecord, InstanceProfileRepository } from '../instance-profiles';
import { countedRowsSql } from '../entity-counts';
import { toInstanceProfileRecord, type InstanceProfileRow } from '../rows/instance-profiles';

export class SqliteInstanceProfileRepository implements InstanceProfileRepository {
  private readonly insertStatement;
  private readonly byName;
  private readonly byId;
  private readonly listing;
  private readonly countStatement;
  private readonly deleteStatement;
  private readonly addRoleStatement;
  private readonly removeRoleStatement;
  private readonly roleIds;
  private readonly forRole;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      `INSERT INTO instance_profiles (instance_profile_id, instance_profile_name, name_key, path, create_date)
       VALUES (@instanceProfileId, @instanceProfileName, @nameKey, @path, @createDate)`,
    );
    this.byName = db.prepare<[string], InstanceProfileRow>('SELECT * FROM instance_profiles WHERE name_key = ?');
    this.byId = db.prepare<[string], InstanceProfileRow>('SELECT * FROM instance_profiles WHERE instance_profile_id = ?');
    this.listing = new PathListing(db, 'instance_profiles', toInstanceProfileRecord);
    this.countStatement = db.prepare<[], { n: number }>(countedRowsSql('instance_profiles'));
    this.deleteStatement = db.prepare('DELETE FROM instance_profiles WHERE instance_profile_id = ?');
    this.addRoleStatement = db.prepare('INSERT OR IGNORE INTO instance_profile_roles (instance_profile_id, role_id) VALUES (?, ?)');
    this.removeRoleStatement = db.prepare('DELETE FROM instance_profile_roles WHERE instance_profile_id = ? AND role_id = ?');
    this.roleIds = db.prepare<[string], { role_id: string }>(
      'SELECT role_id FROM instance_profile_roles WHERE instance_profile_id = ? ORDER BY rowid',
    );
    this.forRole = db.prepare<[string], InstanceProfileRow>(
      `SELECT p.* FROM instance_profiles p JOIN instance_profile_roles r ON r.instance_profile_id = p.instance_profile_id
       WHERE r.role_id = ? ORDER BY p.name_key`,
    );
  }

  async insert(profile: InstanceProfileRecord): Promise<void> {
    this.insertStatement.run({ ...profile, nameKey: profile.instanceProfileName.toLowerCase() });
  }

  async getByName(instanceProfileName: string): Promise<InstanceProfileRecord | undefined> {
    const row = this.byName.get(instanceProfileName.toLowerCase());
    return row && toInstanceProfileRecord(row);
  }

  async getById(instanceProfileId: string): Promise<InstanceProfileRecord | undefined> {
    const row = this.byId.get(instanceProfileId);
    return row && toInstanceProfileRecord(row);
  }

  async list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<InstanceProfileRecord>> {
    return this.listing.list(options);
  }

  async delete(instanceProfileId: string): Promise<void> {
    this.deleteStatement.run(instanceProfileId);
  }

  async count(): Promise<number> {
    return this.countStatement.get()!.n;
  }

  async addRole(instanceProfileId: string, roleId: string): Promise<void> {
    this.addRoleStatement.run(instanceProfileId, roleId);
  }

  async removeRole(instanceProfileId: string, roleId: string): Promise<void> {
    this.removeRoleStatement.run(instanceProfileId, roleId);
  }

  async listRoleIds(instanceProfileId: string): Promise<string[]> {
    return this.roleIds.all(instanceProfileId).map((row) => row.role_id);
  }

  async listForRole(roleId: string): Promise<InstanceProfileRecord[]> {
    return this.forRole.all(roleId).map(toInstanceProfileRecord);
  }
}
