// The rows of `service_last_accessed` and `action_last_accessed` as both SQL stores read them (the SQLite and
// PostgreSQL schemas name and type their columns alike) and their mapping to the records the repository returns.
import type { ServiceAccessRecord } from '../audit';

export interface ServiceAccessRow {
  principal_arn: string;
  service_namespace: string;
  last_accessed: string;
  last_accessed_entity: string | null;
  last_accessed_region: string | null;
}

/** A row of `action_last_accessed` read for one service, so without its namespace. */
export interface ActionAccessRow {
  principal_arn: string;
  action_name: string;
  last_accessed: string;
  last_accessed_entity: string | null;
  last_accessed_region: string | null;
}

export function toServiceAccessRecord(row: ServiceAccessRow): ServiceAccessRecord {
  return {
    principalArn: row.principal_arn,
    serviceNamespace: row.service_namespace,
    lastAccessed: row.last_accessed,
    lastAccessedEntity: row.last_accessed_entity ?? undefined,
    lastAccessedRegion: row.last_accessed_region ?? undefined,
  };
}

export function toActionAccessRecord(row: ActionAccessRow, serviceNamespace: string): ServiceAccessRecord {
  return {
    principalArn: row.principal_arn,
    serviceNamespace,
    actionName: row.action_name,
    lastAccessed: row.last_accessed,
    lastAccessedEntity: row.last_accessed_entity ?? undefined,
    lastAccessedRegion: row.last_accessed_region ?? undefined,
  };
}
