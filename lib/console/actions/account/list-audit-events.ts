'use server';
// One page of the service's audit trail (GET /_gatehouse/audit), filtered by principal, action, outcome and time.
// Against AWS (or an endpoint without the route) it says so instead of failing.
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { summarizeAuditEvent, type AuditEventSummary } from '@/lib/console/audit-events';
import { fetchGatehouseRoute, GatehouseRouteUnavailable } from '@/lib/console/gatehouse-route';

/** One event: its summary and the full CloudTrail record as text. */
export interface AuditEventRow extends AuditEventSummary {
  outcomeKind: 'success' | 'denied' | 'error';
  json: string;
}

/** One page of events, or why there is no trail to read. */
export type AuditEventsPage =
  | { available: true; events: AuditEventRow[]; nextToken?: string }
  | { available: false; reason: 'aws' | 'missing' | 'unreachable'; message: string; events: AuditEventRow[] };

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

export const listAuditEvents = action(
  z.object({
    principal: z.string().trim().optional(),
    eventName: z.string().trim().optional(),
    outcome: z.enum(['', 'success', 'denied', 'error']).optional(),
    startTime: z.string().optional(),
    endTime: z.string().optional(),
    maxResults: z.number().int().min(1).max(1000).default(50),
    nextToken: z.string().optional(),
  }),
  async (input, { session }): Promise<AuditEventsPage> => {
    try {
      const body = await fetchGatehouseRoute<{ events?: Array<Record<string, unknown>>; nextToken?: string }>(
        'audit',
        {
          principal: input.principal,
          eventName: input.eventName,
          outcome: input.outcome || undefined,
          startTime: input.startTime,
          endTime: input.endTime,
          maxResults: String(input.maxResults),
          nextToken: input.nextToken,
        },
        session.credentials,
      );
      const events: AuditEventRow[] = (body.events ?? []).map((raw, i) => {
        const summary = summarizeAuditEvent(raw, i);
        return {
          ...summary,
          outcomeKind: !summary.errorCode ? 'success' : DENIED.has(summary.errorCode) ? 'denied' : 'error',
          json: JSON.stringify(raw, null, 2),
        };
      });
      return { available: true, events, nextToken: body.nextToken };
    } catch (error) {
      if (error instanceof GatehouseRouteUnavailable) return { available: false, reason: error.reason, message: error.message, events: [] };
      throw error;
    }
  },
);
