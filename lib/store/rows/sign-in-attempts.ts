// The row of `sign_in_attempts` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its
// columns alike) and its mapping to the record the repository returns.
import type { SignInAttemptRecord } from '../sign-in-attempts';

export interface SignInAttemptRow {
  subject: string;
  failures: number;
  last_failure: string;
  locked_until: string | null;
}

export function toSignInAttemptRecord(row: SignInAttemptRow): SignInAttemptRecord {
  return { subject: row.subject, failures: row.failures, lastFailure: row.last_failure, lockedUntil: row.locked_until ?? undefined };
}
