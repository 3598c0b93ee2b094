// The audit sink of one service, silenced while its start-up warm-up (./warm-up.ts) runs: a flag of that service
// alone, set only by that code while the server is not yet listening, never by anything a request carries. The
// warm-up's requests leave no audit event and no service last-accessed data (both recorded by the audit sink): the
// sink rehearses them instead where it can (built and written, then rolled back: AuditSink.rehearse), so that the
// audit code, too, is warm when the first real requests come.
import type { AuditSink } from '../core/pipeline';

export interface SilenceableAudit {
  /** The handler's sink: passes every record on, except while `silenced` runs. */
  sink: AuditSink;
  /** Runs `fn` with the sink silent, and turns it back on when `fn` settles. */
  silenced<T>(fn: () => Promise<T>): Promise<T>;
}

export function silenceableAudit(audit: AuditSink): SilenceableAudit {
  let silent = false;
  return {
    sink: {
      record(entry) {
        if (!silent) audit.record(entry);
        else audit.rehearse?.(entry);
      },
    },
    async silenced(fn) {
      if (silent) throw new Error('the audit sink is already silenced');
      silent = true;
      try {
        return await fn();
      } finally {
        silent = false;
      }
    },
  };
}
