// SQLite implementation of the user credential repository (SSH keys, signing certificates, service credentials).
import type { SqliteDatabase } from './database';
import type { UserCredentialKind, UserCredentialRecord, UserCredentialRepository, UserCredentialStatus } from '../user-credentials';
import { toUserCredentialRecord, type UserCredentialRow } from '../rows/user-credentials';

export class SqliteUserCredentialRepository implements UserCredentialRepository {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly forUser;
  private readonly all;
  private readonly statusStatement;
  private readonly dataStatement;
  private readonly deleteStatement;
  private readonly countStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      'INSERT INTO user_credentials (kind, credential_id, user_id, status, create_date, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.getStatement = db.prepare<[string, string], UserCredentialRow>(
      'SELECT * FROM user_credentials WHERE kind = ? AND credential_id = ?',
    );
    this.forUser = db.prepare<[string, string], UserCredentialRow>(
      'SELECT * FROM user_credentials WHERE kind = ? AND user_id = ? ORDER BY create_date, credential_id',
    );
    this.all = db.prepare<[string], UserCredentialRow>('SELECT * FROM user_credentials WHERE kind = ? ORDER BY create_date, credential_id');
    this.statusStatement = db.prepare('UPDATE user_credentials SET status = ? WHERE kind = ? AND credential_id = ?');
    this.dataStatement = db.prepare('UPDATE user_credentials SET data = ? WHERE kind = ? AND credential_id = ?');
    this.deleteStatement = db.prepare('DELETE FROM user_credentials WHERE kind = ? AND credential_id = ?');
    this.countStatement = db.prepare<[string, string], { n: number }>(
      'SELECT count(*) AS n FROM user_credentials WHERE kind = ? AND user_id = ?',
    );
  }

  async insert(r: UserCredentialRecord<object>): Promise<void> {
    this.insertStatement.run(r.kind, r.credentialId, r.userId, r.status, r.createDate, JSON.stringify(r.data));
  }

  async get<D>(kind: UserCredentialKind, credentialId: string): Promise<UserCredentialRecord<D> | undefined> {
    const row = this.getStatement.get(kind, credentialId);
    return row && toUserCredentialRecord<D>(row);
  }

  async listForUser<D>(kind: UserCredentialKind, userId: string): Promise<UserCredentialRecord<D>[]> {
    return this.forUser.all(kind, userId).map((row) => toUserCredentialRecord<D>(row));
  }

  async listAll<D>(kind: UserCredentialKind): Promise<UserCredentialRecord<D>[]> {
    return this.all.all(kind).map((row) => toUserCredentialRecord<D>(row));
  }

  async setStatus(kind: UserCredentialKind, credentialId: string, status: UserCredentialStatus): Promise<void> {
    this.statusStatement.run(status, kind, credentialId);
  }

  async setData(kind: UserCredentialKind, credentialId: string, data: object): Promise<void> {
    this.dataStatement.run(JSON.stringify(data), kind, credentialId);
  }

  async delete(kind: UserCredentialKind, credentialId: string): Promise<void> {
    this.deleteStatement.run(kind, credentialId);
  }

  async countForUser(kind: UserCredentialKind, userId: string): Promise<number> {
    return this.countStatement.get(kind, userId)!.n;
  }
}
