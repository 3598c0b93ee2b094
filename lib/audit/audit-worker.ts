// The audit worker thread (SQLite store): turns the batches the main thread posts into CloudTrail-shaped events,
// writes each batch with its last-access updates in one transaction of audit.db, acknowledges it, and prunes.
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditEventRecord, ServiceAccessRecord } from '../store/audit';
import { openAuditDatabase } from '../store/sqlite/audit-database';
import { SqliteAuditRepository } from '../store/sqlite/audit';
import type { AuditBatch } from './batch';
import { recordsOf } from './batch';
import { auditEventOf } from './event';
import { serviceAccessKey, serviceAccessOf } from './last-accessed';

/** What the main thread tells the worker when it starts it. */
export interface AuditWorkerData {
  dataDir: string;
  region: string;
  retentionDays: number;
  maxEvents: number;
  pruneIntervalMs: number;
  /** One id per writer (process run): the batches it committed are recorded under it in audit_delivery. */
  writerId: string;
}

/** Messages from the main thread. */
export type ToAuditWorker = AuditBatch | { type: 'close' };

/** Messages to the main thread: `ready` once audit.db is open, `ack` once a batch is committed (or failed, said on stderr). */
export type FromAuditWorker = { type: 'ready' } | { type: 'ack'; batch: number };

const port = parentPort;
if (!port) throw new Error('lib/audit/audit-worker.ts runs as a worker thread (see worker-writer.ts)');
const data = workerData as AuditWorkerData;
const db = openAuditDatabase(data.dataDir);
const repository = new SqliteAuditRepository(db);
const deliveredStatement = db.prepare<[string], { batch: number }>('SELECT batch FROM audit_delivery WHERE writer_id = ?');
const deliverStatement = db.prepare<[string, number]>(
  'INSERT INTO audit_delivery (writer_id, batch) VALUES (?, ?) ON CONFLICT (writer_id) DO UPDATE SET batch = excluded.batch',
);
const writeBatch = db.transaction((events: AuditEventRecord[], access: ServiceAccessRecord[], batch: number) => {
  repository.writeNow(events, access);
  deliverStatement.run(data.writerId, batch);
});
/** The last batch of this writer already committed (by a predecessor that crashed before acknowledging it). */
let delivered = deliveredStatement.get(data.writerId)?.batch ?? 0;
let lastPrune = 0;

function write(batch: AuditBatch): void {
  if (batch.batch <= delivered) return;
  const events: AuditEventRecord[] = [];
  const access = new Map<string, ServiceAccessRecord>();
  for (const record of recordsOf(batch)) {
    try {
      events.push(auditEventOf(record, data.region).row);
      for (const use of serviceAccessOf(record, data.region) ?? []) access.set(serviceAccessKey(use), use);
    } catch (error) {
      // One record the event cannot be built from must not cost the batch (nor, posted again, every restart).
      console.error(
        `[gatehouse] the audit event of request ${String(record.info.requestId)} could not be built:`,
        error instanceof Error ? error.message : String(error),
      );
    }
  }
  try {
    writeBatch(events, [...access.values()], batch.batch);
    delivered = batch.batch;
  } catch (error) {
    console.error(
      `[gatehouse] ${events.length} audit events could not be written to ${db.name}:`,
      error instanceof Error ? error.message : String(error),
    );
  }
}

/** Deletes events past retention (time and count), at most once per prune interval. */
async function pruneWhenDue(): Promise<void> {
  const now = Date.now();
  if (now - lastPrune < data.pruneIntervalMs) return;
  lastPrune = now;
  try {
    await repository.pruneOlderThan(new Date(now - data.retentionDays * 86_400_000).toISOString());
    await repository.pruneToCount(data.maxEvents);
  } catch (error) {
    console.error('[gatehouse] audit retention pruning failed:', error instanceof Error ? error.message : String(error));
  }
}

port.on('message', (message: ToAuditWorker) => {
  if (message.type === 'close') {
    db.close();
    port.close();
    return;
  }
  write(message);
  port.postMessage({ type: 'ack', batch: message.batch } satisfies FromAuditWorker);
  void pruneWhenDue();
});
port.postMessage({ type: 'ready' } satisfies FromAuditWorker);
