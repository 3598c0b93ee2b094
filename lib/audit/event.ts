// Builds a CloudTrail-shaped event (eventVersion 1.08) from one finished request of the pipeline.
import { newTimeOrderedUuid } from '../crypto/ids';
import type { Principal } from '../core/context';
import type { AuditRecord } from '../core/pipeline';
import type { AuditEventRecord } from '../store/audit';
import { redactForAudit } from './redact';

/** CloudTrail's `userIdentity`. */
export interface UserIdentity {
  type: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  sessionContext?: {
    sessionIssuer?: { type: 'Role'; principalId?: string; arn?: string; accountId: string; userName?: string };
    attributes: { creationDate?: string; mfaAuthenticated: string };
    sourceIdentity?: string;
  };
}

/** A CloudTrail event as Gatehouse records it. */
export interface CloudTrailEvent {
  eventVersion: string;
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: unknown;
  responseElements: unknown;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  eventType: 'AwsApiCall';
  managementEvent: true;
  recipientAccountId?: string;
  eventCategory: 'Management';
}

/** Read-only actions (CloudTrail's `readOnly`); their responses are not logged, as CloudTrail does. */
export function isReadOnlyAction(action: string): boolean {
  return /^(Get|List|Simulate|Decode)/.test(action);
}

/** CloudTrail's `userIdentity` of a principal. */
export function userIdentityOf(principal: Principal): UserIdentity {
  const identity: UserIdentity = {
    type: principal.type === 'System' ? 'AWSService' : principal.type,
    principalId: principal.principalId,
    arn: principal.arn,
    accountId: principal.accountId,
  };
  if (principal.accessKeyId) identity.accessKeyId = principal.accessKeyId;
  if (principal.userName) identity.userName = principal.userName;
  if (principal.temporary) {
    identity.sessionContext = {
      attributes: {
        creationDate: principal.tokenIssueTime?.toISOString(),
        mfaAuthenticated: principal.mfaAuthenticated ? 'true' : 'false',
      },
    };
    if (principal.type === 'AssumedRole') {
      identity.sessionContext.sessionIssuer = {
        type: 'Role',
        principalId: principal.roleId,
        arn: principal.roleArn,
        accountId: principal.accountId,
        userName: principal.roleName,
      };
    }
    if (principal.sourceIdentity) identity.sessionContext.sourceIdentity = principal.sourceIdentity;
  }
  return identity;
}

/** The access key named in a request that failed authentication (from the credential scope), if any. */
function presentedAccessKey(record: AuditRecord): string | undefined {
  const header = record.info.request.headers['authorization'] ?? '';
  const match = /Credential=([^/,\s]+)/.exec(header) ?? /X-Amz-Credential=([^/&%]+)/.exec(record.info.request.query ?? '');
  return match?.[1];
}

/** Longest text kept of a field a client chooses freely (User-Agent, error messages, a presented key id). */
export const AUDIT_FIELD_LIMITS = { userAgent: 512, errorMessage: 1024, accessKeyId: 128, sourceIp: 64 };

/** `text` cut to `max` characters, marked when cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}...[truncated]`;
}

/**
 * The last time formatted, by its milliseconds. Date's formatting (toISOString) was a third of building an event;
 * under load a batch's events come thousands a second, most in the same millisecond as the one before. An invalid
 * date (NaN) never matches, so toISOString throws for it as before.
 */
let formattedMs = NaN;
let formattedIso = '';
let formattedSeconds = '';

function format(date: Date): void {
  const ms = date.getTime();
  if (ms === formattedMs) return;
  const iso = date.toISOString();
  formattedSeconds = iso.replace(/\.\d{3}Z$/, 'Z');
  formattedIso = iso;
  formattedMs = ms;
}

/** `date.toISOString()`, the same string for the same millisecond without formatting it again. */
export function isoTime(date: Date): string {
  format(date);
  return formattedIso;
}

/** CloudTrail's time format: seconds precision, `Z`. */
function cloudTrailTime(date: Date): string {
  format(date);
  return formattedSeconds;
}

/** The stored form (indexed columns + JSON) of one request's CloudTrail event. */
export function auditEventOf(record: AuditRecord, region: string): { row: AuditEventRecord; event: CloudTrailEvent } {
  const { info, principal } = record;
  const presented = principal ? undefined : presentedAccessKey(record);
  const identity: UserIdentity = principal
    ? userIdentityOf(principal)
    : { type: 'Unknown', accessKeyId: presented && clip(presented, AUDIT_FIELD_LIMITS.accessKeyId) };
  const readOnly = isReadOnlyAction(info.action);
  const hasInput = record.input !== undefined && Object.keys(record.input).length > 0;
  const event: CloudTrailEvent = {
    eventVersion: '1.08',
    userIdentity: identity,
    eventTime: cloudTrailTime(info.now),
    eventSource: `${info.service}.amazonaws.com`,
    eventName: info.action,
    awsRegion: region,
    sourceIPAddress: clip(info.request.sourceIp, AUDIT_FIELD_LIMITS.sourceIp),
    userAgent: clip(info.request.headers['user-agent'] ?? '', AUDIT_FIELD_LIMITS.userAgent),
    requestParameters: hasInput ? redactForAudit(record.input) : null,
    responseElements: record.error || readOnly || record.output === undefined ? null : redactForAudit(record.output),
    requestID: info.requestId,
    // Time-ordered: the unique index on event ids grows at its end (half the insert cost of random UUIDs).
    eventID: newTimeOrderedUuid(info.now.getTime()),
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: principal?.accountId,
    eventCategory: 'Management',
  };
  if (record.error) {
    event.errorCode = record.error.code;
    event.errorMessage = clip(record.error.message, AUDIT_FIELD_LIMITS.errorMessage);
  }
  const row: AuditEventRecord = {
    eventId: event.eventID,
    eventTime: isoTime(info.now),
    eventSource: event.eventSource,
    eventName: event.eventName,
    principalArn: principal?.arn,
    accessKeyId: identity.accessKeyId,
    errorCode: record.error?.code,
    sourceIp: event.sourceIPAddress,
    event: JSON.stringify(event),
  };
  return { row, event };
}
