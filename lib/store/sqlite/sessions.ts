// SQLite implementation of the session repository (table `sessions`).
import type { SqliteDatabase } from './database';
import type { SessionRecord, SessionRepository } from '../sessions';
import { toSessionRecord, type SessionRow } from '../rows/sessions';

export class SqliteSessionRepository implements SessionRepository {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly deleteStatement;
  private readonly expiredStatement;
  private readonly countStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      'INSERT INTO sessions (access_key_id, secret_encrypted, session_token_hash, principal, expiration, create_date) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.getStatement = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE access_key_id = ?');
    this.deleteStatement = db.prepare('DELETE FROM sessions WHERE access_key_id = ?');
    this.expiredStatement = db.prepare('DELETE FROM sessions WHERE expiration < ?');
    this.countStatement = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sessions');
  }

  async insert(session: SessionRecord): Promise<void> {
    this.insertStatement.run(
      session.accessKeyId,
      session.secretEncrypted,
      session.sessionTokenHash,
      session.principal,
      session.expiration,
      session.createDate,
    );
  }

  async get(accessKeyId: string): Promise<SessionRecord | undefined> {
    const row = this.getStatement.get(accessKeyId);
    return row && toSessionRecord(row);
  }

  async delete(accessKeyId: string): Promise<void> {
    this.deleteStatement.run(accessKeyId);
  }

  async deleteExpired(date: string): Promise<number> {
    return this.expiredStatement.run(date).changes;
  }

  async count(): Promise<number> {
    return this.countStatement.get()!.n;
  }
}
