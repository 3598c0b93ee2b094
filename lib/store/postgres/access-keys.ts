// PostgreSQL implementation of the access key repository.
import type { AccessKeyRecord, AccessKeyRepository } from '../access-keys';
import type { Sql } from './sql';
import { toAccessKeyRecord, type AccessKeyRow } from '../rows/access-keys';

export class PostgresAccessKeyRepository implements AccessKeyRepository {
  constructor(private readonly sql: Sql) {}

  async insert(key: AccessKeyRecord): Promise<void> {
    await this.sql.run(
      'INSERT INTO access_keys (access_key_id, user_id, secret_encrypted, status, create_date) VALUES ($1, $2, $3, $4, $5)',
      [key.accessKeyId, key.userId ?? null, key.secretEncrypted, key.status, key.createDate],
    );
  }

  async get(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    const row = await this.sql.row<AccessKeyRow>('SELECT * FROM access_keys WHERE access_key_id = $1', [accessKeyId]);
    return row && toAccessKeyRecord(row);
  }

  async listForUser(userId: string | undefined): Promise<AccessKeyRecord[]> {
    const rows =
      userId === undefined
        ? await this.sql.rows<AccessKeyRow>('SELECT * FROM access_keys WHERE user_id IS NULL ORDER BY create_date, access_key_id')
        : await this.sql.rows<AccessKeyRow>('SELECT * FROM access_keys WHERE user_id = $1 ORDER BY create_date, access_key_id', [userId]);
    return rows.map(toAccessKeyRecord);
  }

  async setStatus(accessKeyId: string, status: 'Active' | 'Inactive'): Promise<void> {
    await this.sql.run('UPDATE access_keys SET status = $1 WHERE access_key_id = $2', [status, accessKeyId]);
  }

  async recordUse(accessKeyId: string, date: string, service: string, region: string): Promise<void> {
    await this.sql.run(
      'UPDATE access_keys SET last_used_date = $1, last_used_service = $2, last_used_region = $3 WHERE access_key_id = $4',
      [date, service, region, accessKeyId],
    );
  }

  async delete(accessKeyId: string): Promise<void> {
    await this.sql.run('DELETE FROM access_keys WHERE access_key_id = $1', [accessKeyId]);
  }

  async listAll(): Promise<AccessKeyRecord[]> {
    return (await this.sql.rows<AccessKeyRow>('SELECT * FROM access_keys ORDER BY create_date')).map(toAccessKeyRecord);
  }
}
