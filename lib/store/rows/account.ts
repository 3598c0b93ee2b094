// The one row of `account` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its columns
// alike), its mapping to the record the repository returns, and the columns an update may change.
import type { AccountRecord } from '../account';

export interface AccountRow {
  account_id: string;
  root_email: string;
  root_password_hash: string | null;
  root_password_last_used: string | null;
  root_mfa_serial: string | null;
  password_policy: string | null;
  create_date: string;
}

/** The column of each record field that `AccountRepository.update` may change. */
export const ACCOUNT_COLUMNS: Record<string, string> = {
  rootEmail: 'root_email',
  rootPasswordHash: 'root_password_hash',
  rootPasswordLastUsed: 'root_password_last_used',
  rootMfaSerial: 'root_mfa_serial',
  passwordPolicy: 'password_policy',
};

export function toAccountRecord(row: AccountRow): AccountRecord {
  return {
    accountId: row.account_id,
    rootEmail: row.root_email,
    rootPasswordHash: row.root_password_hash ?? undefined,
    rootPasswordLastUsed: row.root_password_last_used ?? undefined,
    rootMfaSerial: row.root_mfa_serial ?? undefined,
    passwordPolicy: row.password_policy ?? undefined,
    createDate: row.create_date,
  };
}
