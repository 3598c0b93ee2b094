// The latest events of the service's audit trail (`GET {endpoint}/_gatehouse/audit`), in a shape the console
// shows; tolerant of CloudTrail's LookupEvents wrapping.
import 'server-only';
import type { ConsoleCredentials } from './principal';
import { fetchGatehouseRoute } from './gatehouse-route';

/** One audit event as the console lists it. */
export interface AuditEventSummary {
  id: string;
  time: string;
  action: string;
  service: string;
  principalArn: string;
  sourceIp: string;
  outcome: 'success' | 'error';
  errorCode?: string;
}

type RawEvent = Record<string, unknown>;

/** Normalises one event (CloudTrail record, or `{ CloudTrailEvent: "<json>" }`). Exported for tests. */
export function summarizeAuditEvent(raw: RawEvent, index: number): AuditEventSummary {
  let event = raw;
  if (typeof raw.CloudTrailEvent === 'string') {
    try {
      event = JSON.parse(raw.CloudTrailEvent) as RawEvent;
    } catch {
      event = raw;
    }
  }
  const identity = (event.userIdentity ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const errorCode = str(event.errorCode);
  return {
    id: str(event.eventID) ?? str(raw.EventId) ?? str(event.requestID) ?? String(index),
    time: str(event.eventTime) ?? str(raw.EventTime) ?? '',
    action: str(event.eventName) ?? str(raw.EventName) ?? '',
    service: (str(event.eventSource) ?? '').replace(/\.amazonaws\.com$/, ''),
    principalArn: str(identity.arn) ?? str(raw.Username) ?? str(identity.type) ?? '',
    sourceIp: str(event.sourceIPAddress) ?? '',
    outcome: errorCode ? 'error' : 'success',
    errorCode,
  };
}

/** The newest `limit` events the credentials may read. Throws GatehouseRouteUnavailable when there is no trail. */
export async function loadRecentAuditEvents(credentials: ConsoleCredentials, limit = 10): Promise<AuditEventSummary[]> {
  const body = await fetchGatehouseRoute<Record<string, unknown>>('audit', { maxResults: String(limit) }, credentials);
  const list = (body.events ?? body.Events ?? body.items ?? []) as RawEvent[];
  return (Array.isArray(list) ? list : []).slice(0, limit).map(summarizeAuditEvent);
}
