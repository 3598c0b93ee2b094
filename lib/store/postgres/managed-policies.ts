// PostgreSQL implementation of the customer managed policy repository: policies and their versions.
import type { ManagedPolicyRecord, ManagedPolicyRepository, PolicyVersionRecord } from '../policies';
import { count, type Sql } from './sql';
import { listByPath } from './path-listing';
import { updateColumns } from './column-update';
import { countedRowsSql } from '../entity-counts';
import { MANAGED_POLICY_COLUMNS, toManagedPolicyRecord, toPolicyVersionRecord, versionNumber } from '../rows/managed-policies';
import type { ManagedPolicyRow, PolicyVersionRow } from '../rows/managed-policies';

export class PostgresManagedPolicyRepository implements ManagedPolicyRepository {
  constructor(private readonly sql: Sql) {}

  insert(policy: ManagedPolicyRecord, firstVersion: PolicyVersionRecord): Promise<void> {
    return this.sql.atomically(async (sql) => {
      await sql.run(
        `INSERT INTO managed_policies (policy_id, arn, policy_name, name_key, path, description, default_version_id, next_version, create_date, update_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          policy.policyId,
          policy.arn,
          policy.policyName,
          policy.policyName.toLowerCase(),
          policy.path,
          policy.description ?? null,
          policy.defaultVersionId,
          policy.nextVersion,
          policy.createDate,
          policy.updateDate,
        ],
      );
      await insertVersion(sql, firstVersion);
    });
  }

  async getByArn(arn: string): Promise<ManagedPolicyRecord | undefined> {
    const row = await this.sql.row<ManagedPolicyRow>('SELECT * FROM managed_policies WHERE arn = $1', [arn]);
    return row && toManagedPolicyRecord(row);
  }

  async getByName(policyName: string): Promise<ManagedPolicyRecord | undefined> {
    const row = await this.sql.row<ManagedPolicyRow>('SELECT * FROM managed_policies WHERE name_key = $1', [policyName.toLowerCase()]);
    return row && toManagedPolicyRecord(row);
  }

  async getWithDefaultDocument(arn: string): Promise<{ policy: ManagedPolicyRecord; document: string } | undefined> {
    const row = await this.sql.row<ManagedPolicyRow & { document: string }>(
      `SELECT p.*, v.document AS document FROM managed_policies p
       JOIN policy_versions v ON v.policy_arn = p.arn AND v.version_id = p.default_version_id WHERE p.arn = $1`,
      [arn],
    );
    return row && { policy: toManagedPolicyRecord(row), document: row.document };
  }

  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<{ items: ManagedPolicyRecord[]; next?: string }> {
    return listByPath(this.sql, 'managed_policies', toManagedPolicyRecord, options);
  }

  update(
    arn: string,
    changes: Partial<Pick<ManagedPolicyRecord, 'defaultVersionId' | 'nextVersion' | 'updateDate' | 'description'>>,
  ): Promise<void> {
    return updateColumns(this.sql, 'managed_policies', 'arn', MANAGED_POLICY_COLUMNS, arn, changes);
  }

  delete(arn: string): Promise<void> {
    return this.sql.atomically(async (sql) => {
      await sql.run('DELETE FROM policy_versions WHERE policy_arn = $1', [arn]);
      await sql.run('DELETE FROM managed_policies WHERE arn = $1', [arn]);
    });
  }

  count(): Promise<number> {
    return count(this.sql, countedRowsSql('managed_policies'));
  }

  async getVersion(arn: string, versionId: string): Promise<PolicyVersionRecord | undefined> {
    const row = await this.sql.row<PolicyVersionRow>('SELECT * FROM policy_versions WHERE policy_arn = $1 AND version_id = $2', [
      arn,
      versionId,
    ]);
    return row && toPolicyVersionRecord(row);
  }

  /** Versions newest first, as ListPolicyVersions returns them. */
  async listVersions(arn: string): Promise<PolicyVersionRecord[]> {
    return (await this.sql.rows<PolicyVersionRow>('SELECT * FROM policy_versions WHERE policy_arn = $1', [arn]))
      .map(toPolicyVersionRecord)
      .sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId));
  }

  countVersions(arn: string): Promise<number> {
    return count(this.sql, 'SELECT count(*) AS n FROM policy_versions WHERE policy_arn = $1', [arn]);
  }

  insertVersion(version: PolicyVersionRecord): Promise<void> {
    return insertVersion(this.sql, version);
  }

  async deleteVersion(arn: string, versionId: string): Promise<void> {
    await this.sql.run('DELETE FROM policy_versions WHERE policy_arn = $1 AND version_id = $2', [arn, versionId]);
  }
}

async function insertVersion(sql: Sql, version: PolicyVersionRecord): Promise<void> {
  await sql.run('INSERT INTO policy_versions (policy_arn, version_id, document, create_date) VALUES ($1, $2, $3, $4)', [
    version.policyArn,
    version.versionId,
    version.document,
    version.createDate,
  ]);
}
