// Whether the start-up warm-up (./warm-up.ts) is running: an in-process flag, set only by that code while the
// server is not yet listening, never by anything a request carries. Its requests leave no audit event and no
// service last-accessed data (both recorded by the audit sink).
import type { AuditSink } from '../core/pipeline';

export const warmUpState = { running: false };

/** The API handler's audit sink: silent while the warm-up runs. */
export function silentDuringWarmUp(audit: AuditSink): AuditSink {
  return {
    record(entry) {
      if (!warmUpState.running) audit.record(entry);
    },
  };
}
