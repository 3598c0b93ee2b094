// The row of `server_certificates` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its
// columns alike) and its mapping to the record the repository returns.
import type { ServerCertificateRecord } from '../server-certificates';

export interface ServerCertificateRow {
  server_certificate_id: string;
  name: string;
  path: string;
  body: string;
  chain: string | null;
  private_key_sealed: string;
  upload_date: string;
  expiration: string;
}

export function toServerCertificateRecord(row: ServerCertificateRow): ServerCertificateRecord {
  return {
    serverCertificateId: row.server_certificate_id,
    name: row.name,
    path: row.path,
    body: row.body,
    chain: row.chain ?? undefined,
    privateKeySealed: row.private_key_sealed,
    uploadDate: row.upload_date,
    expiration: row.expiration,
  };
}
