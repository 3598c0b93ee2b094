// PostgreSQL implementation of the server certificate repository (names unique ignoring case).
import type { ServerCertificateRecord, ServerCertificateRepository } from '../server-certificates';
import { count, type Sql } from './sql';
import { countedRowsSql } from '../entity-counts';
import { toServerCertificateRecord, type ServerCertificateRow } from '../rows/server-certificates';

export class PostgresServerCertificateRepository implements ServerCertificateRepository {
  constructor(private readonly sql: Sql) {}

  async insert(c: ServerCertificateRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO server_certificates (server_certificate_id, name, name_key, path, body, chain, private_key_sealed, upload_date, expiration)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        c.serverCertificateId,
        c.name,
        c.name.toLowerCase(),
        c.path,
        c.body,
        c.chain ?? null,
        c.privateKeySealed,
        c.uploadDate,
        c.expiration,
      ],
    );
  }

  async getByName(name: string): Promise<ServerCertificateRecord | undefined> {
    const row = await this.sql.row<ServerCertificateRow>('SELECT * FROM server_certificates WHERE name_key = $1', [name.toLowerCase()]);
    return row && toServerCertificateRecord(row);
  }

  async update(serverCertificateId: string, name: string, path: string): Promise<void> {
    await this.sql.run('UPDATE server_certificates SET name = $1, name_key = $2, path = $3 WHERE server_certificate_id = $4', [
      name,
      name.toLowerCase(),
      path,
      serverCertificateId,
    ]);
  }

  async delete(serverCertificateId: string): Promise<void> {
    await this.sql.run('DELETE FROM server_certificates WHERE server_certificate_id = $1', [serverCertificateId]);
  }

  async list(): Promise<ServerCertificateRecord[]> {
    return (await this.sql.rows<ServerCertificateRow>('SELECT * FROM server_certificates ORDER BY path, name_key')).map(
      toServerCertificateRecord,
    );
  }

  count(): Promise<number> {
    return count(this.sql, countedRowsSql('server_certificates'));
  }
}
