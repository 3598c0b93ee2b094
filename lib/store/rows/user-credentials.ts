// The row of `user_credentials` (SSH keys, signing certificates, service credentials) as both SQL stores read it
// (the SQLite and PostgreSQL schemas name and type its columns alike; `data` is JSON text in both) and its mapping
// to the record the repository returns.
import type { UserCredentialKind, UserCredentialRecord, UserCredentialStatus } from '../user-credentials';

export interface UserCredentialRow {
  kind: UserCredentialKind;
  credential_id: string;
  user_id: string;
  status: UserCredentialStatus;
  create_date: string;
  data: string;
}

export function toUserCredentialRecord<D>(row: UserCredentialRow): UserCredentialRecord<D> {
  return {
    kind: row.kind,
    credentialId: row.credential_id,
    userId: row.user_id,
    status: row.status,
    createDate: row.create_date,
    data: JSON.parse(row.data),
  };
}
