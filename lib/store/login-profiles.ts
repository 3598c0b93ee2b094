// The login profiles part of the Store interface: console passwords of IAM users and their password history.

/** A user's console password (hashed with `hashPassword`). Dates are ISO 8601 strings. */
export interface LoginProfileRecord {
  userId: string;
  passwordHash: string;
  passwordResetRequired: boolean;
  createDate: string;
  /** When the password was last set (creation, UpdateLoginProfile with a password, ChangePassword). */
  passwordChangedDate?: string;
}

export interface LoginProfileRepository {
  get(userId: string): Promise<LoginProfileRecord | undefined>;
  insert(profile: LoginProfileRecord): Promise<void>;
  update(
    userId: string,
    changes: Partial<Pick<LoginProfileRecord, 'passwordHash' | 'passwordResetRequired' | 'passwordChangedDate'>>,
  ): Promise<void>;
  delete(userId: string): Promise<void>;
  /** Every login profile of the account (credential report). */
  listAll(): Promise<LoginProfileRecord[]>;
  /** The hashes of the user's most recent passwords, newest first (the current one included). */
  passwordHistory(userId: string, limit: number): Promise<string[]>;
  /** Remembers a password hash the user has had; keeps at most `keep` entries per user. */
  addPasswordHistory(userId: string, passwordHash: string, date: string, keep: number): Promise<void>;
}
