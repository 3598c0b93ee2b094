// SQLite implementation of inline policies embedded in users, groups and roles.
import type { SqliteDatabase } from './database';
import type { InlinePolicyRecord, InlinePolicyRepository, PrincipalKind } from '../policies';
import { toInlinePolicyRecord, type InlinePolicyRow } from '../rows/inline-policies';

export class SqliteInlinePolicyRepository implements InlinePolicyRepository {
  private readonly upsert;
  private readonly getStatement;
  private readonly listStatement;
  private readonly deleteStatement;
  private readonly removeAll;

  constructor(db: SqliteDatabase) {
    this.upsert = db.prepare(
      `INSERT INTO inline_policies (principal_kind, principal_id, policy_name, name_key, document)
       VALUES (@principalKind, @principalId, @policyName, @nameKey, @document)
       ON CONFLICT (principal_kind, principal_id, name_key) DO UPDATE SET policy_name = excluded.policy_name, document = excluded.document`,
    );
    this.getStatement = db.prepare<[string, string, string], InlinePolicyRow>(
      'SELECT * FROM inline_policies WHERE principal_kind = ? AND principal_id = ? AND name_key = ?',
    );
    this.listStatement = db.prepare<[string, string], InlinePolicyRow>(
      'SELECT * FROM inline_policies WHERE principal_kind = ? AND principal_id = ? ORDER BY name_key',
    );
    this.deleteStatement = db.prepare('DELETE FROM inline_policies WHERE principal_kind = ? AND principal_id = ? AND name_key = ?');
    this.removeAll = db.prepare('DELETE FROM inline_policies WHERE principal_kind = ? AND principal_id = ?');
  }

  async put(policy: InlinePolicyRecord): Promise<void> {
    this.upsert.run({ ...policy, nameKey: policy.policyName.toLowerCase() });
  }

  async get(principalKind: PrincipalKind, principalId: string, policyName: string): Promise<InlinePolicyRecord | undefined> {
    const row = this.getStatement.get(principalKind, principalId, policyName.toLowerCase());
    return row && toInlinePolicyRecord(row);
  }

  /** Inline policies of one principal, by name ignoring case. */
  async list(principalKind: PrincipalKind, principalId: string): Promise<InlinePolicyRecord[]> {
    return this.listStatement.all(principalKind, principalId).map(toInlinePolicyRecord);
  }

  async delete(principalKind: PrincipalKind, principalId: string, policyName: string): Promise<void> {
    this.deleteStatement.run(principalKind, principalId, policyName.toLowerCase());
  }

  async removeAllForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<void> {
    this.removeAll.run(principalKind, principalId);
  }
}
