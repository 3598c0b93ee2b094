// The pipeline's audit step: every finished request becomes a CloudTrail-shaped event, and the caller's service use is recorded.
import path from 'node:path';
import type { ServiceConfig } from '../config';
import type { AuditRecord, AuditSink } from '../core/pipeline';
import type { Store } from '../store/types';
import { auditEventOf } from './event';
import { serviceAccessOf } from './last-accessed';
import { AuditWriter, type AuditWriterOptions } from './writer';
import { AuditWorkerWriter, type AuditWorkerWriterOptions } from './worker-writer';
import { AnonymousEventLimit } from './anonymous-limit';

export { lastAccessedEntityArn } from './last-accessed';

/** The audit sink with its buffer controls. */
export interface GatehouseAuditSink extends AuditSink {
  /** Resolves once every event recorded before the call is written (call it before reading the trail). */
  flush(): Promise<void>;
  /** Flushes and stops (service shutdown). */
  close(): Promise<void>;
  /** Events recorded and not yet written. */
  readonly pending: number;
  /** SQLite: the worker thread that writes audit.db; undefined on PostgreSQL (written from this thread). */
  readonly worker?: AuditWorkerWriter;
}

/**
 * Builds the audit sink. On SQLite (the store names its `auditFile`) a worker thread builds the events and writes
 * them into audit.db, and a request costs this thread only a copy of a few fields into a batch; on PostgreSQL the
 * events are built here and written in batches through `store.audit` into the shared database.
 */
export function createAuditSink(
  deps: { store: Store; config: ServiceConfig },
  options: Partial<AuditWriterOptions & AuditWorkerWriterOptions> = {},
): GatehouseAuditSink {
  const { store, config } = deps;
  const anonymous = new AnonymousEventLimit();
  // Whoever cannot authenticate cannot grow the trail without bound.
  const admitted = (record: AuditRecord) =>
    record.principal !== undefined || anonymous.admit(record.info.request.sourceIp, record.info.now.getTime());
  if (store.auditFile !== undefined) {
    const worker = new AuditWorkerWriter({
      dataDir: path.dirname(store.auditFile),
      region: config.region,
      retentionDays: config.auditRetentionDays,
      ...options,
    });
    return {
      worker,
      record(record: AuditRecord): void {
        if (admitted(record)) worker.enqueue(record);
      },
      // Not counted against the anonymous events' bound: nothing of it is kept.
      rehearse: (record: AuditRecord) => worker.rehearse(record),
      get pending() {
        return worker.pending;
      },
      flush: () => worker.flush(),
      close: () => worker.close(),
    };
  }
  const writer = new AuditWriter(() => store.audit, { retentionDays: config.auditRetentionDays, ...options });
  return {
    record(record: AuditRecord): void {
      if (!admitted(record)) return;
      writer.enqueue(auditEventOf(record, config.region).row, serviceAccessOf(record, config.region));
    },
    get pending() {
      return writer.pending;
    },
    flush: () => writer.flush(),
    close: () => writer.close(),
  };
}
