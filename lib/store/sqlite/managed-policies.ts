// SQLite implementation of the customer managed policy repository: policies and their versions.
import type { SqliteDatabase } from './database';
import { PathListing } from './path-listing';
import { ColumnUpdater } from './column-update';
import type { ManagedPolicyRecord, ManagedPolicyRepository, PolicyVersionRecord } from '../policies';
import { countedRowsSql } from '../entity-counts';
import { MANAGED_POLICY_COLUMNS, toManagedPolicyRecord, toPolicyVersionRecord, versionNumber } from '../rows/managed-policies';
import type { ManagedPolicyRow, PolicyVersionRow } from '../rows/managed-policies';

export class SqliteManagedPolicyRepository implements ManagedPolicyRepository {
  private readonly insertPolicy;
  private readonly insertVersionStatement;
  private readonly byArn;
  private readonly byName;
  private readonly withDefault;
  private readonly listing;
  private readonly updater;
  private readonly countStatement;
  private readonly deletePolicy;
  private readonly deleteVersions;
  private readonly versionStatement;
  private readonly versionsStatement;
  private readonly versionCountStatement;
  private readonly deleteVersionStatement;

  constructor(private readonly db: SqliteDatabase) {
    this.insertPolicy = db.prepare(
      `INSERT INTO managed_policies (policy_id, arn, policy_name, name_key, path, description, default_version_id, next_version, create_date, update_date)
       VALUES (@policyId, @arn, @policyName, @nameKey, @path, @description, @defaultVersionId, @nextVersion, @createDate, @updateDate)`,
    );
    this.insertVersionStatement = db.prepare(
      'INSERT INTO policy_versions (policy_arn, version_id, document, create_date) VALUES (@policyArn, @versionId, @document, @createDate)',
    );
    this.byArn = db.prepare<[string], ManagedPolicyRow>('SELECT * FROM managed_policies WHERE arn = ?');
    this.byName = db.prepare<[string], ManagedPolicyRow>('SELECT * FROM managed_policies WHERE name_key = ?');
    this.withDefault = db.prepare<[string], ManagedPolicyRow & { document: string }>(
      `SELECT p.*, v.document AS document FROM managed_policies p
       JOIN policy_versions v ON v.policy_arn = p.arn AND v.version_id = p.default_version_id WHERE p.arn = ?`,
    );
    this.listing = new PathListing(db, 'managed_policies', toManagedPolicyRecord);
    this.updater = new ColumnUpdater(db, 'managed_policies', 'arn', MANAGED_POLICY_COLUMNS);
    this.countStatement = db.prepare<[], { n: number }>(countedRowsSql('managed_policies'));
    this.deletePolicy = db.prepare('DELETE FROM managed_policies WHERE arn = ?');
    this.deleteVersions = db.prepare('DELETE FROM policy_versions WHERE policy_arn = ?');
    this.versionStatement = db.prepare<[string, string], PolicyVersionRow>(
      'SELECT * FROM policy_versions WHERE policy_arn = ? AND version_id = ?',
    );
    this.versionsStatement = db.prepare<[string], PolicyVersionRow>('SELECT * FROM policy_versions WHERE policy_arn = ?');
    this.versionCountStatement = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM policy_versions WHERE policy_arn = ?');
    this.deleteVersionStatement = db.prepare('DELETE FROM policy_versions WHERE policy_arn = ? AND version_id = ?');
  }

  async insert(policy: ManagedPolicyRecord, firstVersion: PolicyVersionRecord): Promise<void> {
    this.insertPolicy.run({
      policyId: policy.policyId,
      arn: policy.arn,
      policyName: policy.policyName,
      nameKey: policy.policyName.toLowerCase(),
      path: policy.path,
      description: policy.description ?? null,
      defaultVersionId: policy.defaultVersionId,
      nextVersion: policy.nextVersion,
      createDate: policy.createDate,
      updateDate: policy.updateDate,
    });
    await this.insertVersion(firstVersion);
  }

  async getByArn(arn: string): Promise<ManagedPolicyRecord | undefined> {
    const row = this.byArn.get(arn);
    return row && toManagedPolicyRecord(row);
  }

  async getByName(policyName: string): Promise<ManagedPolicyRecord | undefined> {
    const row = this.byName.get(policyName.toLowerCase());
    return row && toManagedPolicyRecord(row);
  }

  async getWithDefaultDocument(arn: string): Promise<{ policy: ManagedPolicyRecord; document: string } | undefined> {
    const row = this.withDefault.get(arn);
    return row && { policy: toManagedPolicyRecord(row), document: row.document };
  }

  async list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<{ items: ManagedPolicyRecord[]; next?: string }> {
    return this.listing.list(options);
  }

  async update(
    arn: string,
    changes: Partial<Pick<ManagedPolicyRecord, 'defaultVersionId' | 'nextVersion' | 'updateDate' | 'description'>>,
  ): Promise<void> {
    this.updater.update(arn, changes);
  }

  async delete(arn: string): Promise<void> {
    this.deleteVersions.run(arn);
    this.deletePolicy.run(arn);
  }

  async count(): Promise<number> {
    return this.countStatement.get()!.n;
  }

  async getVersion(arn: string, versionId: string): Promise<PolicyVersionRecord | undefined> {
    const row = this.versionStatement.get(arn, versionId);
    return row && toPolicyVersionRecord(row);
  }

  /** Versions newest first, as ListPolicyVersions returns them. */
  async listVersions(arn: string): Promise<PolicyVersionRecord[]> {
    return this.versionsStatement
      .all(arn)
      .map(toPolicyVersionRecord)
      .sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId));
  }

  async countVersions(arn: string): Promise<number> {
    return this.versionCountStatement.get(arn)!.n;
  }

  async insertVersion(version: PolicyVersionRecord): Promise<void> {
    this.insertVersionStatement.run(version);
  }

  async deleteVersion(arn: string, versionId: string): Promise<void> {
    this.deleteVersionStatement.run(arn, versionId);
  }
}
