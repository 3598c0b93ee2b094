// Which entity a request counts for in service last-accessed data, and the rows it updates.
import type { Principal } from '../core/context';
import type { AuditRecord } from '../core/pipeline';
import { TRACKED_ACTION_SERVICES, type ServiceAccessRecord } from '../store/audit';
import { isoTime } from './event';

/**
 * The entity whose service last-accessed data a call counts for: the user, or the role of a session. Root
 * and Gatehouse's own system principal are not tracked (AWS reports entities only).
 */
export function lastAccessedEntityArn(principal: Pick<Principal, 'type' | 'arn' | 'roleArn'>): string | undefined {
  if (principal.type === 'IAMUser') return principal.arn;
  if (principal.type === 'AssumedRole') return principal.roleArn;
  return undefined;
}

/**
 * The last-access rows one request updates: its service, and for a service whose actions AWS tracks one by one
 * (IAM), its action too. Every authenticated attempt counts, allowed or denied, as AWS's last-accessed data does
 * ("includes all attempts to access an AWS service, not just the successful ones").
 */
export function serviceAccessOf(record: AuditRecord, region: string): ServiceAccessRecord[] | undefined {
  const entity = record.principal ? lastAccessedEntityArn(record.principal) : undefined;
  if (!entity) return undefined;
  const use: ServiceAccessRecord = {
    principalArn: entity,
    serviceNamespace: record.info.service,
    lastAccessed: isoTime(record.info.now),
    lastAccessedEntity: entity,
    lastAccessedRegion: region,
  };
  // Object.assign, not a spread followed by a property: V8 (Node 20) takes a slow path for that, ~1 µs a request.
  return TRACKED_ACTION_SERVICES.has(use.serviceNamespace) ? [use, Object.assign({}, use, { actionName: record.info.action })] : [use];
}

/** The key under which a batch keeps only the latest of a principal's rows. */
export function serviceAccessKey(record: ServiceAccessRecord): string {
  return `${record.principalArn}\u0000${record.serviceNamespace}\u0000${record.actionName ?? ''}`;
}
