// PostgreSQL implementation of the user credential repository (SSH keys, signing certificates, service credentials).
import type { UserCredentialKind, UserCredentialRecord, UserCredentialRepository, UserCredentialStatus } from '../user-credentials';
import { count, type Sql } from './sql';
import { toUserCredentialRecord, type UserCredentialRow } from '../rows/user-credentials';

export class PostgresUserCredentialRepository implements UserCredentialRepository {
  constructor(private readonly sql: Sql) {}

  async insert(r: UserCredentialRecord<object>): Promise<void> {
    await this.sql.run(
      'INSERT INTO user_credentials (kind, credential_id, user_id, status, create_date, data) VALUES ($1, $2, $3, $4, $5, $6)',
      [r.kind, r.credentialId, r.userId, r.status, r.createDate, JSON.stringify(r.data)],
    );
  }

  async get<D>(kind: UserCredentialKind, credentialId: string): Promise<UserCredentialRecord<D> | undefined> {
    const row = await this.sql.row<UserCredentialRow>('SELECT * FROM user_credentials WHERE kind = $1 AND credential_id = $2', [
      kind,
      credentialId,
    ]);
    return row && toUserCredentialRecord<D>(row);
  }

  async listForUser<D>(kind: UserCredentialKind, userId: string): Promise<UserCredentialRecord<D>[]> {
    const rows = await this.sql.rows<UserCredentialRow>(
      'SELECT * FROM user_credentials WHERE kind = $1 AND user_id = $2 ORDER BY create_date, credential_id',
      [kind, userId],
    );
    return rows.map((row) => toUserCredentialRecord<D>(row));
  }

  async listAll<D>(kind: UserCredentialKind): Promise<UserCredentialRecord<D>[]> {
    const rows = await this.sql.rows<UserCredentialRow>(
      'SELECT * FROM user_credentials WHERE kind = $1 ORDER BY create_date, credential_id',
      [kind],
    );
    return rows.map((row) => toUserCredentialRecord<D>(row));
  }

  async setStatus(kind: UserCredentialKind, credentialId: string, status: UserCredentialStatus): Promise<void> {
    await this.sql.run('UPDATE user_credentials SET status = $1 WHERE kind = $2 AND credential_id = $3', [status, kind, credentialId]);
  }

  async setData(kind: UserCredentialKind, credentialId: string, data: object): Promise<void> {
    await this.sql.run('UPDATE user_credentials SET data = $1 WHERE kind = $2 AND credential_id = $3', [
      JSON.stringify(data),
      kind,
      credentialId,
    ]);
  }

  async delete(kind: UserCredentialKind, credentialId: string): Promise<void> {
    await this.sql.run('DELETE FROM user_credentials WHERE kind = $1 AND credential_id = $2', [kind, credentialId]);
  }

  countForUser(kind: UserCredentialKind, userId: string): Promise<number> {
    return count(this.sql, 'SELECT count(*) AS n FROM user_credentials WHERE kind = $1 AND user_id = $2', [kind, userId]);
  }
}
