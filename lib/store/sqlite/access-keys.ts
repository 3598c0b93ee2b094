// SQLite implementation of the access key repository.
import type { SqliteDatabase } from './database';
import type { AccessKeyRecord, AccessKeyRepository } from '../access-keys';
import { toAccessKeyRecord, type AccessKeyRow } from '../rows/access-keys';

export class SqliteAccessKeyRepository implements AccessKeyRepository {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly forUser;
  private readonly forRoot;
  private readonly statusStatement;
  private readonly useStatement;
  private readonly deleteStatement;
  private readonly allStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      `INSERT INTO access_keys (access_key_id, user_id, secret_encrypted, status, create_date) VALUES (?, ?, ?, ?, ?)`,
    );
    this.getStatement = db.prepare<[string], AccessKeyRow>('SELECT * FROM access_keys WHERE access_key_id = ?');
    this.forUser = db.prepare<[string], AccessKeyRow>('SELECT * FROM access_keys WHERE user_id = ? ORDER BY create_date, access_key_id');
    this.forRoot = db.prepare<[], AccessKeyRow>('SELECT * FROM access_keys WHERE user_id IS NULL ORDER BY create_date, access_key_id');
    this.statusStatement = db.prepare('UPDATE access_keys SET status = ? WHERE access_key_id = ?');
    this.useStatement = db.prepare(
      'UPDATE access_keys SET last_used_date = ?, last_used_service = ?, last_used_region = ? WHERE access_key_id = ?',
    );
    this.deleteStatement = db.prepare('DELETE FROM access_keys WHERE access_key_id = ?');
    this.allStatement = db.prepare<[], AccessKeyRow>('SELECT * FROM access_keys ORDER BY create_date');
  }

  async insert(key: AccessKeyRecord): Promise<void> {
    this.insertStatement.run(key.accessKeyId, key.userId ?? null, key.secretEncrypted, key.status, key.createDate);
  }

  async get(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    const row = this.getStatement.get(accessKeyId);
    return row && toAccessKeyRecord(row);
  }

  async listForUser(userId: string | undefined): Promise<AccessKeyRecord[]> {
    return (userId === undefined ? this.forRoot.all() : this.forUser.all(userId)).map(toAccessKeyRecord);
  }

  async setStatus(accessKeyId: string, status: 'Active' | 'Inactive'): Promise<void> {
    this.statusStatement.run(status, accessKeyId);
  }

  async recordUse(accessKeyId: string, date: string, service: string, region: string): Promise<void> {
    this.useStatement.run(date, service, region, accessKeyId);
  }

  async delete(accessKeyId: string): Promise<void> {
    this.deleteStatement.run(accessKeyId);
  }

  async listAll(): Promise<AccessKeyRecord[]> {
    return this.allStatement.all().map(toAccessKeyRecord);
  }
}
