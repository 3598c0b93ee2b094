// The sign-in attempts part of the Store interface: failed console sign-ins per subject, for lockout with back-off.

/** Failures of one subject (e.g. `user:123456789012:alice`, `root:a@b.c`, `ip:203.0.113.7`). Dates ISO 8601. */
export interface SignInAttemptRecord {
  subject: string;
  failures: number;
  lastFailure: string;
  lockedUntil?: string;
}

export interface SignInAttemptRepository {
  get(subject: string): Promise<SignInAttemptRecord | undefined>;
  /** Stores the subject's failure count, last failure and lockout (insert or replace). */
  put(record: SignInAttemptRecord): Promise<void>;
  /** Forgets a subject's failures (after a successful sign-in). */
  clear(subject: string): Promise<void>;
}
