// The row of `sessions` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its columns
// alike) and its mapping to the record the repository returns.
import type { SessionRecord } from '../sessions';

export interface SessionRow {
  access_key_id: string;
  secret_encrypted: string;
  session_token_hash: string;
  principal: string;
  expiration: string;
  create_date: string;
}

export function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    accessKeyId: row.access_key_id,
    secretEncrypted: row.secret_encrypted,
    sessionTokenHash: row.session_token_hash,
    principal: row.principal,
    expiration: row.expiration,
    createDate: row.create_date,
  };
}
