// SQLite implementation of the server certificate repository.
import type { SqliteDatabase } from './database';
import type { ServerCertificateRecord, ServerCertificateRepository } from '../server-certificates';
import { countedRowsSql } from '../entity-counts';
import { toServerCertificateRecord, type ServerCertificateRow } from '../rows/server-certificates';

export class SqliteServerCertificateRepository implements ServerCertificateRepository {
  private readonly insertStatement;
  private readonly byName;
  private readonly updateStatement;
  private readonly deleteStatement;
  private readonly listStatement;
  private readonly countStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      `INSERT INTO server_certificates (server_certificate_id, name, name_key, path, body, chain, private_key_sealed, upload_date, expiration)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byName = db.prepare<[string], ServerCertificateRow>('SELECT * FROM server_certificates WHERE name_key = ?');
    this.updateStatement = db.prepare('UPDATE server_certificates SET name = ?, name_key = ?, path = ? WHERE server_certificate_id = ?');
    this.deleteStatement = db.prepare('DELETE FROM server_certificates WHERE server_certificate_id = ?');
    this.listStatement = db.prepare<[], ServerCertificateRow>('SELECT * FROM server_certificates ORDER BY path, name_key');
    this.countStatement = db.prepare<[], { n: number }>(countedRowsSql('server_certificates'));
  }

  async insert(c: ServerCertificateRecord): Promise<void> {
    this.insertStatement.run(
      c.serverCertificateId,
      c.name,
      c.name.toLowerCase(),
      c.path,
      c.body,
      c.chain ?? null,
      c.privateKeySealed,
      c.uploadDate,
      c.expiration,
    );
  }

  async getByName(name: string): Promise<ServerCertificateRecord | undefined> {
    const row = this.byName.get(name.toLowerCase());
    return row && toServerCertificateRecord(row);
  }

  async update(serverCertificateId: string, name: string, path: string): Promise<void> {
    this.updateStatement.run(name, name.toLowerCase(), path, serverCertificateId);
  }

  async delete(serverCertificateId: string): Promise<void> {
    this.deleteStatement.run(serverCertificateId);
  }

  async list(): Promise<ServerCertificateRecord[]> {
    return this.listStatement.all().map(toServerCertificateRecord);
  }

  async count(): Promise<number> {
    return this.countStatement.get()!.n;
  }
}
