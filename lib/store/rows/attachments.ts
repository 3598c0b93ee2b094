// The rows of `policy_attachments`, and of the entities that use a policy, as both SQL stores read them (the SQLite
// and PostgreSQL schemas name and type their columns alike) and their mapping to what the repository returns.
import type { AttachmentRecord, PolicyEntity, PrincipalKind } from '../policies';

export interface AttachmentRow {
  principal_kind: PrincipalKind;
  principal_id: string;
  policy_arn: string;
  attach_date: string;
}

/** A user, group or role that a policy is attached to or bounds, as the entity queries select it. */
export interface PolicyEntityRow {
  principal_kind: PrincipalKind;
  principal_id: string;
  name: string;
  path: string;
}

export function toAttachmentRecord(row: AttachmentRow): AttachmentRecord {
  return { principalKind: row.principal_kind, principalId: row.principal_id, policyArn: row.policy_arn, attachDate: row.attach_date };
}

export function toPolicyEntity(row: PolicyEntityRow): PolicyEntity {
  return { principalKind: row.principal_kind, principalId: row.principal_id, name: row.name, path: row.path };
}

/** Counts by policy ARN, from rows of `SELECT <arn> AS arn, <count> AS n ... GROUP BY`. */
export function toCountsByArn(rows: { arn: string; n: number }[]): Map<string, number> {
  return new Map(rows.map((row) => [row.arn, row.n]));
}
