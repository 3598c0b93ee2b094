// PostgreSQL implementation of the session repository (table `sessions`), shared by every instance.
import type { SessionRecord, SessionRepository } from '../sessions';
import { count, type Sql } from './sql';
import { toSessionRecord, type SessionRow } from '../rows/sessions';

export class PostgresSessionRepository implements SessionRepository {
  constructor(private readonly sql: Sql) {}

  async insert(s: SessionRecord): Promise<void> {
    await this.sql.run(
      'INSERT INTO sessions (access_key_id, secret_encrypted, session_token_hash, principal, expiration, create_date) VALUES ($1, $2, $3, $4, $5, $6)',
      [s.accessKeyId, s.secretEncrypted, s.sessionTokenHash, s.principal, s.expiration, s.createDate],
    );
  }

  async get(accessKeyId: string): Promise<SessionRecord | undefined> {
    const row = await this.sql.row<SessionRow>('SELECT * FROM sessions WHERE access_key_id = $1', [accessKeyId]);
    return row && toSessionRecord(row);
  }

  async delete(accessKeyId: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE access_key_id = $1', [accessKeyId]);
  }

  deleteExpired(date: string): Promise<number> {
    return this.sql.run('DELETE FROM sessions WHERE expiration < $1', [date]);
  }

  count(): Promise<number> {
    return count(this.sql, 'SELECT count(*) AS n FROM sessions');
  }
}
