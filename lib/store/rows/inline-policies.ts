// The row of `inline_policies` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its
// columns alike) and its mapping to the record the repository returns.
import type { InlinePolicyRecord, PrincipalKind } from '../policies';

export interface InlinePolicyRow {
  principal_kind: PrincipalKind;
  principal_id: string;
  policy_name: string;
  document: string;
}

export function toInlinePolicyRecord(row: InlinePolicyRow): InlinePolicyRecord {
  return { principalKind: row.principal_kind, principalId: row.principal_id, policyName: row.policy_name, document: row.document };
}
