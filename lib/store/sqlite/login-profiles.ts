// SQLite implementation of the login profiles repository (table login_profiles, history in password_history).
import type { SqliteDatabase } from './database';
import type { LoginProfileRecord, LoginProfileRepository } from '../login-profiles';
import { toLoginProfileRecord, type LoginProfileRow } from '../rows/login-profiles';

/** A row of `login_profiles` as SQLite returns it: SQLite has no boolean type, so `password_reset_required` reads as 0 or 1. */
type SqliteLoginProfileRow = Omit<LoginProfileRow, 'password_reset_required'> & { password_reset_required: number };

function toRecord(row: SqliteLoginProfileRow): LoginProfileRecord {
  return toLoginProfileRecord({ ...row, password_reset_required: row.password_reset_required === 1 });
}

export class SqliteLoginProfileRepository implements LoginProfileRepository {
  private readonly getStatement;
  private readonly insertStatement;
  private readonly deleteStatement;
  private readonly allStatement;
  private readonly historyStatement;
  private readonly addHistoryStatement;
  private readonly trimHistoryStatement;

  constructor(private readonly db: SqliteDatabase) {
    this.getStatement = db.prepare<[string], SqliteLoginProfileRow>('SELECT * FROM login_profiles WHERE user_id = ?');
    this.insertStatement = db.prepare(
      `INSERT INTO login_profiles (user_id, password_hash, password_reset_required, create_date, password_changed_date)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.deleteStatement = db.prepare('DELETE FROM login_profiles WHERE user_id = ?');
    this.allStatement = db.prepare<[], SqliteLoginProfileRow>('SELECT * FROM login_profiles');
    this.historyStatement = db.prepare<[string, number], { password_hash: string }>(
      'SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY seq DESC LIMIT ?',
    );
    this.addHistoryStatement = db.prepare('INSERT INTO password_history (user_id, password_hash, set_date) VALUES (?, ?, ?)');
    this.trimHistoryStatement = db.prepare(
      `DELETE FROM password_history WHERE user_id = @userId AND seq NOT IN
         (SELECT seq FROM password_history WHERE user_id = @userId ORDER BY seq DESC LIMIT @keep)`,
    );
  }

  async get(userId: string): Promise<LoginProfileRecord | undefined> {
    const row = this.getStatement.get(userId);
    return row && toRecord(row);
  }

  async insert(profile: LoginProfileRecord): Promise<void> {
    this.insertStatement.run(
      profile.userId,
      profile.passwordHash,
      profile.passwordResetRequired ? 1 : 0,
      profile.createDate,
      profile.passwordChangedDate ?? null,
    );
  }

  async update(
    userId: string,
    changes: Partial<Pick<LoginProfileRecord, 'passwordHash' | 'passwordResetRequired' | 'passwordChangedDate'>>,
  ): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [];
    if (changes.passwordHash !== undefined) {
      sets.push('password_hash = ?');
      values.push(changes.passwordHash);
    }
    if (changes.passwordResetRequired !== undefined) {
      sets.push('password_reset_required = ?');
      values.push(changes.passwordResetRequired ? 1 : 0);
    }
    if (changes.passwordChangedDate !== undefined) {
      sets.push('password_changed_date = ?');
      values.push(changes.passwordChangedDate);
    }
    if (sets.length === 0) return;
    this.db.prepare(`UPDATE login_profiles SET ${sets.join(', ')} WHERE user_id = ?`).run(...values, userId);
  }

  async delete(userId: string): Promise<void> {
    this.deleteStatement.run(userId);
  }

  async listAll(): Promise<LoginProfileRecord[]> {
    return this.allStatement.all().map(toRecord);
  }

  async passwordHistory(userId: string, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    return this.historyStatement.all(userId, limit).map((r) => r.password_hash);
  }

  async addPasswordHistory(userId: string, passwordHash: string, date: string, keep: number): Promise<void> {
    this.addHistoryStatement.run(userId, passwordHash, date);
    this.trimHistoryStatement.run({ userId, keep });
  }
}
