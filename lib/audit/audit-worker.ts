// The audit worker thread (SQLite store): turns the batches the main thread posts into CloudTrail-shaped events,
// writes each batch with its last-access updates in one transaction of audit.db, acknowledges it, and prunes.
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditEventRecord, ServiceAccessRecord } from '../store/audit';
import { openAuditDatabase } from '../store/sqlite/audit-database';
import { isLockedOut } from '../store/sqlite/database';
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

/**
 * Messages from the main thread. `close` comes once every batch is acknowledged (the worker closes audit.db and
 * exits); with `abandon`, from a `close()` that gave up waiting (audit.db locked by another connection): the worker
 * drops what it still holds, which the main thread has reported, and exits all the same.
 */
export type ToAuditWorker = AuditBatch | { type: 'close'; abandon?: boolean } | { type: 'rehearse'; batch: AuditBatch };

/**
 * Messages to the main thread: `ready` once audit.db is open, `ack` once a batch is committed (or failed, said on
 * stderr), `rehearsed` once a rehearsal batch was written and rolled back (`events`: how many of its events were built).
 */
export type FromAuditWorker = { type: 'ready' } | { type: 'ack'; batch: number } | { type: 'rehearsed'; events: number };

const port = parentPort;
if (!port) throw new Error('lib/audit/audit-worker.ts runs as a worker thread (see worker-writer.ts)');
// The thread's name as `top -H`, `ps -L` and /proc show it (Node 20 names no thread; the Worker's `name` option is
// only JavaScript's): on Linux a thread may rename itself through /proc/thread-self/comm (15 characters at most).
// bench/lib/server.ts finds the audit worker's CPU time by it. Elsewhere, or when /proc is not mounted, nothing.
try {
  writeFileSync('/proc/thread-self/comm', 'gatehouse-audit');
} catch {
  // Not Linux, or no /proc: the thread keeps its name.
}
const data = workerData as AuditWorkerData;
const db = openAuditDatabase(data.dataDir);
// Opened (and migrated) waiting for a lock as long as any connection; from here on the worker never waits inside
// SQLite: a batch that finds audit.db locked is tried again from a timer (see `pump`), so the worker's event loop stays
// free to take `close`. (Stopping a worker with terminate() while better-sqlite3 waits out busy_timeout is a V8
// fatal error that kills the whole process: the SQLITE_BUSY it then raises cannot be thrown in a terminating isolate.)
db.pragma('busy_timeout = 0');
const repository = new SqliteAuditRepository(db);
const deliveredStatement = db.prepare<[string], { batch: number }>('SELECT batch FROM audit_delivery WHERE writer_id = ?');
const deliverStatement = db.prepare<[string, number]>(
  'INSERT INTO audit_delivery (writer_id, batch) VALUES (?, ?) ON CONFLICT (writer_id) DO UPDATE SET batch = excluded.batch',
);
/** Thrown inside a rehearsal's transaction: better-sqlite3 then rolls it back (and throws it again). */
const REHEARSAL = new Error('audit rehearsal: rolled back');
const writeBatch = db.transaction((events: AuditEventRecord[], access: ServiceAccessRecord[], batch: number, rehearsal = false) => {
  repository.writeNow(events, access);
  deliverStatement.run(data.writerId, batch);
  if (rehearsal) throw REHEARSAL;
});
/** The last batch of this writer already committed (by a predecessor that crashed before acknowledging it). */
let delivered = deliveredStatement.get(data.writerId)?.batch ?? 0;
let lastPrune = 0;

/** The events and last-accessed rows of a batch's records (a record whose event cannot be built is said on stderr and skipped). */
function rowsOf(batch: AuditBatch): { events: AuditEventRecord[]; access: ServiceAccessRecord[] } {
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
  return { events, access: [...access.values()] };
}

/** Writes a batch in one transaction; false when audit.db is locked (nothing written: the batch is tried again). */
function write(batch: AuditBatch): boolean {
  if (batch.batch <= delivered) return true;
  const { events, access } = rowsOf(batch);
  try {
    writeBatch(events, access, batch.batch);
    delivered = batch.batch;
  } catch (error) {
    if (isLockedOut(error)) return false;
    console.error(
      `[gatehouse] ${events.length} audit events could not be written to ${db.name}:`,
      error instanceof Error ? error.message : String(error),
    );
  }
  return true;
}

/**
 * A rehearsal batch (the start-up warm-up's requests): built and written as `write` does, in a transaction rolled
 * back at its end, so the code real batches run is compiled and optimised and audit.db keeps nothing. Not queued nor
 * acknowledged: when audit.db is locked, or anything else fails, the rehearsal is simply not done.
 */
function rehearse(batch: AuditBatch): void {
  const { events, access } = rowsOf(batch);
  try {
    writeBatch(events, access, batch.batch, true);
  } catch {
    // REHEARSAL (rolled back, as meant), or audit.db locked: nothing is written either way.
  }
  port!.postMessage({ type: 'rehearsed', events: events.length } satisfies FromAuditWorker);
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
    // audit.db locked by another connection: the next batch tries again.
    if (isLockedOut(error)) lastPrune = 0;
    else console.error('[gatehouse] audit retention pruning failed:', error instanceof Error ? error.message : String(error));
  }
}

/** Batches received and not yet written, in order. */
const queue: AuditBatch[] = [];
let retry: ReturnType<typeof setTimeout> | undefined;
/** Milliseconds before the next attempt while audit.db is locked: 5, doubling up to 500. */
let retryDelay = 0;
/** When the batch first in line first found audit.db locked (0: it is not), and whether that was said. */
let lockedSince = 0;
let stallReported = false;
let closing = false;

/** Writes and acknowledges queued batches in order, until the queue is empty or audit.db is locked. */
function pump(): void {
  retry = undefined;
  while (queue.length > 0) {
    const batch = queue[0];
    if (!write(batch)) {
      if (lockedSince === 0) lockedSince = Date.now();
      // Said once per stall, after a second of it (a wipe takes milliseconds).
      else if (!stallReported && Date.now() - lockedSince >= 1000) {
        stallReported = true;
        console.error(`[gatehouse] audit.db is locked by another connection; ${queue.length} batches of audit events wait`);
      }
      retryDelay = Math.min(500, Math.max(5, retryDelay * 2));
      retry = setTimeout(pump, retryDelay);
      return;
    }
    queue.shift();
    port!.postMessage({ type: 'ack', batch: batch.batch } satisfies FromAuditWorker);
  }
  if (stallReported)
    console.error(`[gatehouse] audit.db is writable again after ${Date.now() - lockedSince} ms; the audit events that waited are written`);
  retryDelay = 0;
  lockedSince = 0;
  stallReported = false;
  if (closing) finish();
  else void pruneWhenDue();
}

function finish(): void {
  clearTimeout(retry);
  db.close();
  port!.close();
}

port.on('message', (message: ToAuditWorker) => {
  if (message.type === 'close') {
    closing = true;
    if (message.abandon) queue.length = 0;
    if (queue.length === 0) finish();
    return;
  }
  if (message.type === 'rehearse') {
    if (!closing) rehearse(message.batch);
    return;
  }
  queue.push(message);
  if (retry === undefined) pump();
});
port.postMessage({ type: 'ready' } satisfies FromAuditWorker);
