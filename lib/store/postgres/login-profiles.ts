// PostgreSQL implementation of the login profiles repository (table login_profiles, history in password_history).
import type { LoginProfileRecord, LoginProfileRepository } from '../login-profiles';
import type { Sql } from './sql';
import { toLoginProfileRecord, type LoginProfileRow } from '../rows/login-profiles';

export class PostgresLoginProfileRepository implements LoginProfileRepository {
  constructor(private readonly sql: Sql) {}

  async get(userId: string): Promise<LoginProfileRecord | undefined> {
    const row = await this.sql.row<LoginProfileRow>('SELECT * FROM login_profiles WHERE user_id = $1', [userId]);
    return row && toLoginProfileRecord(row);
  }

  async insert(profile: LoginProfileRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO login_profiles (user_id, password_hash, password_reset_required, create_date, password_changed_date)
       VALUES ($1, $2, $3, $4, $5)`,
      [profile.userId, profile.passwordHash, profile.passwordResetRequired, profile.createDate, profile.passwordChangedDate ?? null],
    );
  }

  async update(
    userId: string,
    changes: Partial<Pick<LoginProfileRecord, 'passwordHash' | 'passwordResetRequired' | 'passwordChangedDate'>>,
  ): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (changes.passwordHash !== undefined) set('password_hash', changes.passwordHash);
    if (changes.passwordResetRequired !== undefined) set('password_reset_required', changes.passwordResetRequired);
    if (changes.passwordChangedDate !== undefined) set('password_changed_date', changes.passwordChangedDate);
    if (sets.length === 0) return;
    values.push(userId);
    await this.sql.run(`UPDATE login_profiles SET ${sets.join(', ')} WHERE user_id = $${values.length}`, values);
  }

  async delete(userId: string): Promise<void> {
    await this.sql.run('DELETE FROM login_profiles WHERE user_id = $1', [userId]);
  }

  async listAll(): Promise<LoginProfileRecord[]> {
    return (await this.sql.rows<LoginProfileRow>('SELECT * FROM login_profiles')).map(toLoginProfileRecord);
  }

  async passwordHistory(userId: string, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    const rows = await this.sql.rows<{ password_hash: string }>(
      'SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY seq DESC LIMIT $2',
      [userId, limit],
    );
    return rows.map((r) => r.password_hash);
  }

  addPasswordHistory(userId: string, passwordHash: string, date: string, keep: number): Promise<void> {
    return this.sql.atomically(async (sql) => {
      await sql.run('INSERT INTO password_history (user_id, password_hash, set_date) VALUES ($1, $2, $3)', [userId, passwordHash, date]);
      await sql.run(
        `DELETE FROM password_history WHERE user_id = $1 AND seq NOT IN
           (SELECT seq FROM password_history WHERE user_id = $1 ORDER BY seq DESC LIMIT $2)`,
        // SQLite reads a negative LIMIT as no limit; LIMIT NULL is the same here.
        [userId, keep < 0 ? null : keep],
      );
    });
  }
}
