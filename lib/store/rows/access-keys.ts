// The row of `access_keys` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its columns
// alike) and its mapping to the record the repository returns.
import type { AccessKeyRecord } from '../access-keys';

export interface AccessKeyRow {
  access_key_id: string;
  user_id: string | null;
  secret_encrypted: string;
  status: 'Active' | 'Inactive';
  create_date: string;
  last_used_date: string | null;
  last_used_service: string | null;
  last_used_region: string | null;
}

export function toAccessKeyRecord(row: AccessKeyRow): AccessKeyRecord {
  return {
    accessKeyId: row.access_key_id,
    userId: row.user_id ?? undefined,
    secretEncrypted: row.secret_encrypted,
    status: row.status,
    createDate: row.create_date,
    lastUsedDate: row.last_used_date ?? undefined,
    lastUsedService: row.last_used_service ?? undefined,
    lastUsedRegion: row.last_used_region ?? undefined,
  };
}
