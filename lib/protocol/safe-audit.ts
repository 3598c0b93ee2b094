// The last steps both request handlers (query and REST-JSON) share: recording a request's audit event never fails
// the request, and an unexpected error is logged without what the request carried.
import type { AuditSink } from '../core/pipeline';

/** Records `record` in the audit sink; a sink that throws is logged, never answered to the caller as a failure. */
export function safeAudit(audit: AuditSink, record: Parameters<AuditSink['record']>[0]): void {
  try {
    audit.record(record);
  } catch (error) {
    logUnexpected(error);
  }
}

/** Logs an error no AWS error stands for: only the stack, since request parameters (which may hold secrets) never reach the log. */
export function logUnexpected(error: unknown): void {
  console.error('[gatehouse] unexpected error:', error instanceof Error ? error.stack : String(error));
}
