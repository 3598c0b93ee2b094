// GET /_gatehouse/audit: the audit trail for the console (a Gatehouse route, not an AWS action). SigV4-signed
// like any IAM call (credential scope service `iam`) and authorized as `cloudtrail:LookupEvents` on `*`.
//
// Query: startTime, endTime (ISO 8601 or epoch seconds), principal (an ARN; a role ARN also matches its
// sessions), eventName, outcome (success | denied | error), maxResults (1–1000, default 50), nextToken.
// Answer: `{ "events": [CloudTrail events, newest first], "nextToken"?: "..." }`.
import { newRequestId } from '../crypto/ids';
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import type { GatehouseAuditSink } from '../audit';
import type { GatehouseAuthorizer } from '../authz';
import { InvalidParameterValue } from '../core/errors';
import { operationContextOf } from '../protocol/operation-context';
import type { Authenticator, RequestInfo, RouteHandler } from '../core/pipeline';
import { parseForm, type QueryParams } from '../protocol/query';
import { jsonResponse } from '../core/wire';
import type { AuditOutcome, AuditQuery } from '../store/audit';
import type { Store } from '../store/types';

export interface AuditRouteDeps {
  store: Store;
  config: ServiceConfig;
  secrets: SecretBox;
  authenticator: Authenticator;
  authorizer: GatehouseAuthorizer;
  audit: GatehouseAuditSink;
  clock?: () => Date;
}

const OUTCOMES = new Set<AuditOutcome>(['success', 'denied', 'error']);

function parseTime(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const millis = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  // A Date holds ±8.64e15 ms: beyond it (epoch seconds of 20 digits) there is no time to compare with.
  const time = new Date(Number.isFinite(millis) ? millis : NaN);
  if (Number.isNaN(time.getTime())) throw new InvalidParameterValue(`${name} must be an ISO 8601 date or epoch seconds.`);
  return time.toISOString();
}

/** The opaque continuation token of a page: the sequence number to continue before. */
function encodeToken(seq: number): string {
  return Buffer.from(`audit:${seq}`).toString('base64url');
}

function decodeToken(token: string): number {
  const text = Buffer.from(token, 'base64url').toString();
  const m = /^audit:(\d+)$/.exec(text);
  if (!m) throw new InvalidParameterValue('Invalid nextToken.');
  return Number(m[1]);
}

/** Reads the route's query string into an audit query. */
export function auditQueryOf(params: QueryParams): AuditQuery {
  const outcome = params.get('outcome') || undefined;
  if (outcome !== undefined && !OUTCOMES.has(outcome as AuditOutcome)) {
    throw new InvalidParameterValue('outcome must be one of success, denied, error.');
  }
  const maxText = params.get('maxResults') || undefined;
  const limit = maxText === undefined ? 50 : Number(maxText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new InvalidParameterValue('maxResults must be an integer from 1 to 1000.');
  const token = params.get('nextToken') || undefined;
  return {
    startTime: parseTime('startTime', params.get('startTime')),
    endTime: parseTime('endTime', params.get('endTime')),
    principalArn: params.get('principal') || undefined,
    eventName: params.get('eventName') || undefined,
    outcome: outcome as AuditOutcome | undefined,
    limit,
    beforeSeq: token === undefined ? undefined : decodeToken(token),
  };
}

/** Builds the route handler. */
export function auditRoute(deps: AuditRouteDeps): RouteHandler {
  const clock = deps.clock ?? (() => new Date());
  return async (request) => {
    if (request.method !== 'GET') return jsonResponse(405, { error: 'MethodNotAllowed', message: 'Use GET.' });
    const params: QueryParams = new Map();
    parseForm(request.query, params);
    const requestId = newRequestId();
    const info: RequestInfo = { request, params, service: 'iam', action: 'LookupEvents', requestId, now: clock() };
    const principal = await deps.authenticator.authenticate(info);
    const ctx = operationContextOf(deps, info, principal);
    await deps.authorizer.authorizeAction(ctx, 'cloudtrail:LookupEvents', '*');
    const query = auditQueryOf(params);
    await deps.audit.flush();
    const page = await deps.store.audit.query(query);
    const body: { events: unknown[]; nextToken?: string } = { events: page.events.map((e) => JSON.parse(e) as unknown) };
    if (page.nextSeq !== undefined) body.nextToken = encodeToken(page.nextSeq);
    return { ...jsonResponse(200, body), headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId } };
  };
}
