// The rows of `managed_policies` and `policy_versions` as both SQL stores read them (the SQLite and PostgreSQL
// schemas name and type their columns alike), their mapping to the records the repository returns, and the columns
// an update of a policy changes.
import type { ManagedPolicyRecord, PolicyVersionRecord } from '../policies';
import type { ColumnSpec } from './columns';

export interface ManagedPolicyRow {
  policy_id: string;
  arn: string;
  policy_name: string;
  name_key: string;
  path: string;
  description: string | null;
  default_version_id: string;
  next_version: number;
  create_date: string;
  update_date: string;
}

export interface PolicyVersionRow {
  policy_arn: string;
  version_id: string;
  document: string;
  create_date: string;
}

/** The column of each field `ManagedPolicyRepository.update` changes. */
export const MANAGED_POLICY_COLUMNS = {
  defaultVersionId: { column: 'default_version_id' },
  nextVersion: { column: 'next_version' },
  updateDate: { column: 'update_date' },
  description: { column: 'description', clearable: true },
} satisfies Record<string, ColumnSpec>;

export function toManagedPolicyRecord(row: ManagedPolicyRow): ManagedPolicyRecord {
  const policy: ManagedPolicyRecord = {
    policyId: row.policy_id,
    arn: row.arn,
    policyName: row.policy_name,
    path: row.path,
    defaultVersionId: row.default_version_id,
    nextVersion: row.next_version,
    createDate: row.create_date,
    updateDate: row.update_date,
  };
  if (row.description !== null) policy.description = row.description;
  return policy;
}

export function toPolicyVersionRecord(row: PolicyVersionRow): PolicyVersionRecord {
  return { policyArn: row.policy_arn, versionId: row.version_id, document: row.document, createDate: row.create_date };
}

/** Orders version ids `v1`, `v2`, ... `v10` numerically. */
export function versionNumber(versionId: string): number {
  return Number(versionId.slice(1)) || 0;
}
