// The audit part of the Store interface: CloudTrail-shaped events of every request, and service last access per principal.

/** One stored audit event: indexed columns plus the whole event as JSON. */
export interface AuditEventRecord {
  eventId: string;
  /** ISO 8601 with milliseconds (the sort and filter key). */
  eventTime: string;
  eventSource: string;
  eventName: string;
  principalArn?: string;
  accessKeyId?: string;
  errorCode?: string;
  sourceIp?: string;
  /** The CloudTrail-shaped event, as JSON. */
  event: string;
}

/** `success`: no error; `denied`: refused by authentication or authorization; `error`: any other failure. */
export type AuditOutcome = 'success' | 'denied' | 'error';

/** Error codes that count as `denied` (authentication and authorization refusals). */
export const DENIED_ERROR_CODES = [
  'AccessDenied',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'IncompleteSignature',
  'RequestExpired',
] as const;

export interface AuditQuery {
  /** Inclusive bounds on eventTime (ISO 8601). */
  startTime?: string;
  endTime?: string;
  /** A principal ARN; a role ARN also matches the sessions of that role. */
  principalArn?: string;
  eventName?: string;
  outcome?: AuditOutcome;
  limit: number;
  /** Continue with events older than this sequence number (from a previous page). */
  beforeSeq?: number;
}

/** Newest first; `nextSeq` continues the listing when more events match. */
export interface AuditPage {
  events: string[];
  nextSeq?: number;
}

/** Last use of one service namespace by one principal (user, role, or group ARN). */
/** Services whose actions are tracked one by one for action-level last-accessed reports (AWS: IAM, EC2, Lambda, S3). */
export const TRACKED_ACTION_SERVICES: ReadonlySet<string> = new Set(['iam']);

export interface ServiceAccessRecord {
  principalArn: string;
  serviceNamespace: string;
  lastAccessed: string;
  /** The ARN of the entity that made the call (a user for a group's row, the role for a session). */
  lastAccessedEntity?: string;
  lastAccessedRegion?: string;
  /** For a tracked action's own row (action-level reports): the action, e.g. `CreateUser`. */
  actionName?: string;
}

export interface AuditRepository {
  /** Inserts a batch of events in one transaction. */
  insertMany(events: AuditEventRecord[]): Promise<void>;
  /** Inserts events and upserts last-access rows in one transaction (the audit writer's flush). */
  write(events: AuditEventRecord[], access: ServiceAccessRecord[]): Promise<void>;
  query(query: AuditQuery): Promise<AuditPage>;
  /** Deletes events older than `eventTime`; returns how many. */
  pruneOlderThan(eventTime: string): Promise<number>;
  /** Keeps only the newest `maxEvents` events; returns how many were deleted. */
  pruneToCount(maxEvents: number): Promise<number>;
  count(): Promise<number>;
  /** Upserts last-access rows (a later time wins). */
  recordServiceAccess(records: ServiceAccessRecord[]): Promise<void>;
  /** Last-access rows of the given principals. */
  listServiceAccess(principalArns: string[]): Promise<ServiceAccessRecord[]>;
  /** Last-access rows of the tracked actions of one service by the given principals. */
  listActionAccess(principalArns: string[], serviceNamespace: string): Promise<ServiceAccessRecord[]>;
}
