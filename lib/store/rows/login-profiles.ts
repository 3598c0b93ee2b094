// The row of `login_profiles` as both SQL stores read it (the SQLite and PostgreSQL schemas name its columns alike)
// and its mapping to the record the repository returns. `password_reset_required` is a boolean as PostgreSQL returns
// it; SQLite, which has no boolean type, reads it as 0 or 1 and converts it first (lib/store/sqlite/login-profiles.ts).
import type { LoginProfileRecord } from '../login-profiles';

export interface LoginProfileRow {
  user_id: string;
  password_hash: string;
  password_reset_required: boolean;
  create_date: string;
  password_changed_date: string | null;
}

export function toLoginProfileRecord(row: LoginProfileRow): LoginProfileRecord {
  const profile: LoginProfileRecord = {
    userId: row.user_id,
    passwordHash: row.password_hash,
    passwordResetRequired: row.password_reset_required,
    createDate: row.create_date,
  };
  if (row.password_changed_date) profile.passwordChangedDate = row.password_changed_date;
  return profile;
}
