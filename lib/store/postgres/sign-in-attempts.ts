// PostgreSQL implementation of the sign-in attempts repository (table `sign_in_attempts`), shared by every instance.
import type { SignInAttemptRecord, SignInAttemptRepository } from '../sign-in-attempts';
import type { Sql } from './sql';
import { toSignInAttemptRecord, type SignInAttemptRow } from '../rows/sign-in-attempts';

export class PostgresSignInAttemptRepository implements SignInAttemptRepository {
  constructor(private readonly sql: Sql) {}

  async get(subject: string): Promise<SignInAttemptRecord | undefined> {
    const row = await this.sql.row<SignInAttemptRow>('SELECT * FROM sign_in_attempts WHERE subject = $1', [subject]);
    return row && toSignInAttemptRecord(row);
  }

  async put(record: SignInAttemptRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO sign_in_attempts (subject, failures, last_failure, locked_until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure, locked_until = excluded.locked_until`,
      [record.subject, record.failures, record.lastFailure, record.lockedUntil ?? null],
    );
  }

  async clear(subject: string): Promise<void> {
    await this.sql.run('DELETE FROM sign_in_attempts WHERE subject = $1', [subject]);
  }
}
