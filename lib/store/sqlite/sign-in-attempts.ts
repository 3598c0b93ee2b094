// SQLite implementation of the sign-in attempts repository (table `sign_in_attempts`).
import type { SqliteDatabase } from './database';
import type { SignInAttemptRecord, SignInAttemptRepository } from '../sign-in-attempts';
import { toSignInAttemptRecord, type SignInAttemptRow } from '../rows/sign-in-attempts';

export class SqliteSignInAttemptRepository implements SignInAttemptRepository {
  private readonly getStatement;
  private readonly putStatement;
  private readonly clearStatement;

  constructor(db: SqliteDatabase) {
    this.getStatement = db.prepare<[string], SignInAttemptRow>('SELECT * FROM sign_in_attempts WHERE subject = ?');
    this.putStatement = db.prepare(
      `INSERT INTO sign_in_attempts (subject, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure, locked_until = excluded.locked_until`,
    );
    this.clearStatement = db.prepare('DELETE FROM sign_in_attempts WHERE subject = ?');
  }

  async get(subject: string): Promise<SignInAttemptRecord | undefined> {
    const row = this.getStatement.get(subject);
    return row && toSignInAttemptRecord(row);
  }

  async put(record: SignInAttemptRecord): Promise<void> {
    this.putStatement.run(record.subject, record.failures, record.lastFailure, record.lockedUntil ?? null);
  }

  async clear(subject: string): Promise<void> {
    this.clearStatement.run(subject);
  }
}
