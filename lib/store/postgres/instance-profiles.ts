// PostgreSQL implementation of the instance profiles repository.
import type { Page } from '../users';
import type { InstanceProfileRecord, InstanceProfileRepository } from '../instance-profiles';
import { count, type Sql } from './sql';
import { listByPath } from './path-listing';
import { countedRowsSql } from '../entity-counts';
import { toInstanceProfileRecord, type InstanceProfileRow } from '../rows/instance-profiles';

export class PostgresInstanceProfileRepository implements InstanceProfileRepository {
  constructor(private readonly sql: Sql) {}

  async insert(profile: InstanceProfileRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO instance_profiles (instance_profile_id, instance_profile_name, name_key, path, create_date) VALUES ($1, $2, $3, $4, $5)`,
      [profile.instanceProfileId, profile.instanceProfileName, profile.instanceProfileName.toLowerCase(), profile.path, profile.createDate],
    );
  }

  async getByName(instanceProfileName: string): Promise<InstanceProfileRecord | undefined> {
    const row = await this.sql.row<InstanceProfileRow>('SELECT * FROM instance_profiles WHERE name_key = $1', [
      instanceProfileName.toLowerCase(),
    ]);
    return row && toInstanceProfileRecord(row);
  }

  async getById(instanceProfileId: string): Promise<InstanceProfileRecord | undefined> {
    const row = await this.sql.row<InstanceProfileRow>('SELECT * FROM instance_profiles WHERE instance_profile_id = $1', [
      instanceProfileId,
    ]);
    return row && toInstanceProfileRecord(row);
  }

  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<InstanceProfileRecord>> {
    return listByPath(this.sql, 'instance_profiles', toInstanceProfileRecord, options);
  }

  async delete(instanceProfileId: string): Promise<void> {
    await this.sql.run('DELETE FROM instance_profiles WHERE instance_profile_id = $1', [instanceProfileId]);
  }

  count(): Promise<number> {
    return count(this.sql, countedRowsSql('instance_profiles'));
  }

  async addRole(instanceProfileId: string, roleId: string): Promise<void> {
    await this.sql.run('INSERT INTO instance_profile_roles (instance_profile_id, role_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      instanceProfileId,
      roleId,
    ]);
  }

  async removeRole(instanceProfileId: string, roleId: string): Promise<void> {
    await this.sql.run('DELETE FROM instance_profile_roles WHERE instance_profile_id = $1 AND role_id = $2', [instanceProfileId, roleId]);
  }

  async listRoleIds(instanceProfileId: string): Promise<string[]> {
    const rows = await this.sql.rows<{ role_id: string }>(
      'SELECT role_id FROM instance_profile_roles WHERE instance_profile_id = $1 ORDER BY seq',
      [instanceProfileId],
    );
    return rows.map((row) => row.role_id);
  }

  async listForRole(roleId: string): Promise<InstanceProfileRecord[]> {
    const rows = await this.sql.rows<InstanceProfileRow>(
      `SELECT p.* FROM instance_profiles p JOIN instance_profile_roles r ON r.instance_profile_id = p.instance_profile_id
       WHERE r.role_id = $1 ORDER BY p.name_key`,
      [roleId],
    );
    return rows.map(toInstanceProfileRecord);
  }
}
