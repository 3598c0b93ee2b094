// Buffers audit events and last-access updates and writes them in batches (every ~50 ms or N events), pruning retention now and then.
import type { AuditEventRecord, AuditRepository, ServiceAccessRecord } from '../store/audit';

export interface AuditWriterOptions {
  /** Events older than this many days are deleted. */
  retentionDays: number;
  /** At most this many events are kept (the oldest go first). */
  maxEvents?: number;
  /** Flush after this many milliseconds of buffering. */
  flushIntervalMs?: number;
  /** Flush at once when this many events are buffered. */
  maxBuffered?: number;
  /** Prune at most this often. */
  pruneIntervalMs?: number;
  clock?: () => Date;
}

export const DEFAULT_MAX_AUDIT_EVENTS = 1_000_000;

/**
 * A write-behind buffer in front of the audit repository. Events reach the database within ~50 ms, in one
 * transaction per batch; `flush()` writes at once (the audit route calls it before reading, shutdown calls
 * `close()`). What is promised across a crash: SIGTERM/SIGINT (the servers' shutdown calls `close()`) lose no
 * event; a SIGKILL loses the events of the requests answered since the last flush (~50 ms, longer when the event
 * loop is busy), never a written batch (one transaction, synchronous=NORMAL in WAL mode survives a process
 * crash). Events are written behind the answers, so an answered request's event is not itself committed with
 * it. See e2e/integration/audit-durability.test.ts.
 */
export class AuditWriter {
  private events: AuditEventRecord[] = [];
  private access = new Map<string, ServiceAccessRecord>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPrune = 0;
  private closed = false;
  /** The flush being written: a later flush() waits for it, so it resolves only once everything enqueued before it is written. */
  private flushing: Promise<void> = Promise.resolve();
  /** How many flushes are started and not yet settled. */
  private writing = 0;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;
  private readonly pruneIntervalMs: number;
  private readonly maxEvents: number;
  private readonly clock: () => Date;

  constructor(
    private readonly repository: () => AuditRepository | undefined,
    private readonly options: AuditWriterOptions,
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    this.maxBuffered = options.maxBuffered ?? 1000;
    this.pruneIntervalMs = options.pruneIntervalMs ?? 60_000;
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_AUDIT_EVENTS;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Queues an event (and the caller's service access, if any). */
  enqueue(event: AuditEventRecord, access?: ServiceAccessRecord[]): void {
    if (this.closed) return;
    this.events.push(event);
    for (const record of access ?? [])
      this.access.set(`${record.principalArn}\u0000${record.serviceNamespace}\u0000${record.actionName ?? ''}`, record);
    if (this.events.length >= this.maxBuffered) void this.flush();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), this.flushIntervalMs);
      this.timer.unref?.();
    }
  }

  /** Number of events waiting to be written. */
  get pending(): number {
    return this.events.length;
  }

  /**
   * Writes everything buffered now, then prunes when it is time. Flushes run one after the other: one called while
   * another (the timer's) is still writing its batch waits for that batch too, so a reader that flushes first sees
   * every event enqueued before it (the store's writes are asynchronous).
   */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    // With nothing being written, the batch is taken now (as before the store was asynchronous); else after it.
    const run = this.writing === 0 ? this.write() : this.flushing.then(() => this.write());
    this.writing++;
    const settled = run.catch(() => undefined).finally(() => this.writing--);
    this.flushing = settled;
    return run;
  }

  private async write(): Promise<void> {
    const repository = this.repository();
    if (!repository) return;
    if (this.events.length > 0 || this.access.size > 0) {
      const events = this.events;
      const access = [...this.access.values()];
      this.events = [];
      this.access = new Map();
      try {
        await repository.write(events, access);
      } catch (error) {
        console.error('[gatehouse] audit events could not be written:', error instanceof Error ? error.message : String(error));
      }
    }
    await this.pruneWhenDue(repository);
  }

  /** Deletes events past retention (time and count). Runs at most once per prune interval. */
  async pruneWhenDue(repository: AuditRepository, force = false): Promise<void> {
    const now = this.clock().getTime();
    if (!force && now - this.lastPrune < this.pruneIntervalMs) return;
    this.lastPrune = now;
    try {
      await repository.pruneOlderThan(new Date(now - this.options.retentionDays * 86_400_000).toISOString());
      await repository.pruneToCount(this.maxEvents);
    } catch (error) {
      console.error('[gatehouse] audit retention pruning failed:', error instanceof Error ? error.message : String(error));
    }
  }

  /** Flushes and stops accepting events. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
