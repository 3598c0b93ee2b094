// The hand-over of finished requests to the audit worker: what the main thread copies of each (a few strings and
// the operation's input and output, in one flat array per batch), and how the worker rebuilds the record from it.
import type { Principal } from '../core/context';
import type { AuditRecord, RequestInfo } from '../core/pipeline';
import type { WireRequest } from '../core/wire';
import { isReadOnlyAction } from './event';
import { redactForAudit } from './redact';

/** The fields of a principal the audit event and the last-accessed data read (userIdentityOf, lastAccessedEntityArn). */
export type AuditPrincipal = Pick<
  Principal,
  | 'type'
  | 'accountId'
  | 'arn'
  | 'principalId'
  | 'userName'
  | 'roleName'
  | 'roleId'
  | 'roleArn'
  | 'accessKeyId'
  | 'temporary'
  | 'mfaAuthenticated'
  | 'tokenIssueTime'
  | 'sourceIdentity'
>;

/** One batch as posted to the worker. `events` holds EVENT_FIELDS values per event (see `AuditBatchBuilder.add`). */
export interface AuditBatch {
  type: 'batch';
  /** 1, 2, 3 … per writer: the worker acknowledges each once committed. */
  batch: number;
  principals: AuditPrincipal[];
  events: unknown[];
  count: number;
}

const EVENT_FIELDS = 13;

/**
 * Collects the records of one batch. Copying a record into one flat array of strings and numbers per batch and
 * posting it costs the request thread well under a microsecond (bench/audit-handover.ts: ~0.5 µs, against ~6 µs
 * for building the event there and ~2 µs for cloning the records as objects; JSON text, what a SharedArrayBuffer
 * ring would carry, ~1 µs). A principal (the authenticator's cached object) is copied once per batch however many
 * requests it made.
 */
export class AuditBatchBuilder {
  private principals: AuditPrincipal[] = [];
  private principalIndex = new Map<Principal, number>();
  private events: unknown[] = [];
  private size = 0;

  get count(): number {
    return this.size;
  }

  add(record: AuditRecord): void {
    const { info, principal } = record;
    let index = -1;
    if (principal) {
      const known = this.principalIndex.get(principal);
      if (known === undefined) {
        index = this.principals.length;
        this.principals.push(auditPrincipalOf(principal));
        this.principalIndex.set(principal, index);
      } else index = known;
    }
    const request = info.request;
    const error = record.error;
    // Only what the event shows: no response of a failed or read-only call (CloudTrail logs none).
    const output = error || record.output === undefined || isReadOnlyAction(info.action) ? undefined : record.output;
    this.events.push(
      info.now.getTime(),
      info.service,
      info.action,
      info.requestId,
      request.sourceIp,
      request.headers['user-agent'],
      index,
      record.input,
      output,
      error?.code,
      error?.message,
      // The presented access key of an unauthenticated call is read from these.
      principal ? undefined : request.headers['authorization'],
      principal ? undefined : request.query,
    );
    this.size++;
  }

  /** The batch so far, numbered `batch`; the builder starts empty again. */
  take(batch: number): AuditBatch {
    const taken: AuditBatch = { type: 'batch', batch, principals: this.principals, events: this.events, count: this.size };
    this.principals = [];
    this.principalIndex = new Map();
    this.events = [];
    this.size = 0;
    return taken;
  }
}

function auditPrincipalOf(p: Principal): AuditPrincipal {
  return {
    type: p.type,
    accountId: p.accountId,
    arn: p.arn,
    principalId: p.principalId,
    userName: p.userName,
    roleName: p.roleName,
    roleId: p.roleId,
    roleArn: p.roleArn,
    accessKeyId: p.accessKeyId,
    temporary: p.temporary,
    mfaAuthenticated: p.mfaAuthenticated,
    tokenIssueTime: p.tokenIssueTime,
    sourceIdentity: p.sourceIdentity,
  };
}

/**
 * The batch with every input and output replaced by its redacted JSON form: for the rare value structured clone
 * refuses (a function, a symbol), which JSON drops as the event's JSON.stringify would. Redaction is idempotent,
 * so the worker's own pass changes nothing.
 */
export function plainBatch(batch: AuditBatch): AuditBatch {
  const events = batch.events.slice();
  for (let i = 0; i < events.length; i += EVENT_FIELDS) {
    for (const field of [7, 8]) {
      const value = events[i + field];
      if (value !== undefined) events[i + field] = JSON.parse(JSON.stringify(redactForAudit(value) ?? null)) as unknown;
    }
  }
  return { ...batch, events };
}

const NO_PARAMS: RequestInfo['params'] = new Map();

/** The records of a batch again, as auditEventOf and the last-accessed update read them. */
export function recordsOf(batch: AuditBatch): AuditRecord[] {
  const records: AuditRecord[] = [];
  const e = batch.events;
  for (let i = 0; i < batch.count * EVENT_FIELDS; i += EVENT_FIELDS) {
    const headers: Record<string, string> = {};
    if (e[i + 5] !== undefined) headers['user-agent'] = e[i + 5] as string;
    if (e[i + 11] !== undefined) headers['authorization'] = e[i + 11] as string;
    const request = { headers, sourceIp: e[i + 4] as string, query: (e[i + 12] as string | undefined) ?? '' } as WireRequest;
    const index = e[i + 6] as number;
    const code = e[i + 9] as string | undefined;
    records.push({
      info: {
        request,
        params: NO_PARAMS,
        service: e[i + 1] as RequestInfo['service'],
        action: e[i + 2] as string,
        requestId: e[i + 3] as string,
        now: new Date(e[i] as number),
      },
      principal: index >= 0 ? (batch.principals[index] as Principal) : undefined,
      input: e[i + 7] as Record<string, unknown> | undefined,
      output: e[i + 8],
      error: code === undefined ? undefined : { code, message: e[i + 10] as string },
      status: 0,
    });
  }
  return records;
}
