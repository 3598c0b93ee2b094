// PostgreSQL implementation of inline policies embedded in users, groups and roles (names unique ignoring case).
import type { InlinePolicyRecord, InlinePolicyRepository, PrincipalKind } from '../policies';
import type { Sql } from './sql';
import { toInlinePolicyRecord, type InlinePolicyRow } from '../rows/inline-policies';

export class PostgresInlinePolicyRepository implements InlinePolicyRepository {
  constructor(private readonly sql: Sql) {}

  async put(p: InlinePolicyRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO inline_policies (principal_kind, principal_id, policy_name, name_key, document) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (principal_kind, principal_id, name_key) DO UPDATE SET policy_name = excluded.policy_name, document = excluded.document`,
      [p.principalKind, p.principalId, p.policyName, p.policyName.toLowerCase(), p.document],
    );
  }

  async get(principalKind: PrincipalKind, principalId: string, policyName: string): Promise<InlinePolicyRecord | undefined> {
    const row = await this.sql.row<InlinePolicyRow>(
      'SELECT * FROM inline_policies WHERE principal_kind = $1 AND principal_id = $2 AND name_key = $3',
      [principalKind, principalId, policyName.toLowerCase()],
    );
    return row && toInlinePolicyRecord(row);
  }

  /** Inline policies of one principal, by name ignoring case. */
  async list(principalKind: PrincipalKind, principalId: string): Promise<InlinePolicyRecord[]> {
    const rows = await this.sql.rows<InlinePolicyRow>(
      'SELECT * FROM inline_policies WHERE principal_kind = $1 AND principal_id = $2 ORDER BY name_key',
      [principalKind, principalId],
    );
    return rows.map(toInlinePolicyRecord);
  }

  async delete(principalKind: PrincipalKind, principalId: string, policyName: string): Promise<void> {
    await this.sql.run('DELETE FROM inline_policies WHERE principal_kind = $1 AND principal_id = $2 AND name_key = $3', [
      principalKind,
      principalId,
      policyName.toLowerCase(),
    ]);
  }

  async removeAllForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<void> {
    await this.sql.run('DELETE FROM inline_policies WHERE principal_kind = $1 AND principal_id = $2', [principalKind, principalId]);
  }
}
