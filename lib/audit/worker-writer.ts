// The main thread's side of the audit worker (SQLite store): requests are copied into a batch, posted every few
// milliseconds, and written by lib/audit/audit-worker.ts into audit.db; a worker that dies is restarted, loudly.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { AuditRecord } from '../core/pipeline';
import type { AuditWorkerData, FromAuditWorker, ToAuditWorker } from './audit-worker';
import { AuditBatchBuilder, plainBatch, type AuditBatch } from './batch';
import { DEFAULT_MAX_AUDIT_EVENTS } from './writer';

export interface AuditWorkerWriterOptions {
  /** The data directory whose audit.db the worker writes. */
  dataDir: string;
  region: string;
  /** Events older than this many days are deleted. */
  retentionDays: number;
  /** At most this many events are kept (the oldest go first). */
  maxEvents?: number;
  /**
   * Post the batch after this many milliseconds of collecting (25 by default: against 5, the worker's CPU per event
   * is about a quarter lower, fewer and larger transactions; bench/audit-worker.ts).
   */
  flushIntervalMs?: number;
  /** Post at once when this many events are collected. */
  maxBuffered?: number;
  /** Prune at most this often. */
  pruneIntervalMs?: number;
  /** Events held for a worker that is down or behind (not yet acknowledged), at most; beyond, new events are dropped and counted on stderr. */
  maxPending?: number;
  /** Longest wait of `flush()` and `close()` for a worker that is down (then `close()` reports what it lost). */
  closeTimeoutMs?: number;
  /** Where errors are reported (stderr by default). */
  log?: (message: string) => void;
}

/** How long `close()` waits for the worker to close audit.db and exit before it terminates it. */
const WORKER_EXIT_MS = 5000;

/** The worker's entry when a bundle built it beside the server (bin/iam.mjs); see `useBundledAuditWorker`. */
let bundledEntry: URL | undefined;

/**
 * Tells the service that the audit worker's entry is this built file (the standalone server's bundle builds
 * lib/audit/audit-worker.ts into audit-worker.mjs beside itself). Without it, the worker runs as Next.js bundled
 * it (`new Worker(new URL(…))`), or, from TypeScript sources (vitest, tsx), bundled by esbuild at its first start.
 */
export function useBundledAuditWorker(entry: URL): void {
  bundledEntry = entry;
}

function startWorker(workerData: AuditWorkerData): Worker {
  const options: WorkerOptions = { workerData, name: 'gatehouse-audit' };
  // Inside Next.js (`npm start`, `next dev`): its bundler builds the worker from this literal `new Worker(new URL(…))`
  // into a chunk of its own. (Its `import.meta.url` still names the .ts source, so NEXT_RUNTIME tells it apart.)
  if (process.env.NEXT_RUNTIME) return new Worker(new URL('./audit-worker.ts', import.meta.url), options);
  // Reflect.construct below: Next.js's bundler takes every `new Worker(…)` it sees for a worker to build, and one
  // whose entry is not a literal URL it cannot resolve (it tries every file of the project).
  if (bundledEntry) return Reflect.construct(Worker, [bundledEntry, options]) as Worker;
  // From TypeScript sources (vitest, tsx): bundled once per process with esbuild (a development dependency), as
  // bin/iam.mjs does for the standalone server; loading the sources through tsx costs the worker most of a second.
  return Reflect.construct(Worker, [sourceBuild(), options]) as Worker;
}

let sourceBuildFile: string | undefined;

/**
 * lib/audit/audit-worker.ts bundled into node_modules/.cache/gatehouse (so packages resolve), named by its hash.
 * Never run inside Next.js (see startWorker): the turbopackIgnore comments keep its file tracing from taking these
 * dynamic paths for files of the server.
 */
function sourceBuild(): string {
  if (sourceBuildFile && fs.existsSync(/* turbopackIgnore: true */ sourceBuildFile)) return sourceBuildFile;
  const source = fileURLToPath(import.meta.url);
  const root = path.resolve(path.dirname(source), '../..');
  // Through Reflect.apply, so that Next.js's bundler does not take esbuild (a development dependency) for a dependency of the service.
  const esbuild = Reflect.apply(createRequire(source), undefined, ['esbuild']) as typeof import('esbuild');
  const built = esbuild.buildSync({
    entryPoints: [path.join(path.dirname(source), 'audit-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].contents;
  const directory = path.join(root, 'node_modules', '.cache', 'gatehouse');
  const file = path.join(directory, `audit-worker.source-${createHash('sha256').update(built).digest('hex').slice(0, 16)}.mjs`);
  if (!fs.existsSync(/* turbopackIgnore: true */ file)) {
    fs.mkdirSync(/* turbopackIgnore: true */ directory, { recursive: true });
    const temporary = `${file}.${process.pid}`;
    fs.writeFileSync(/* turbopackIgnore: true */ temporary, built);
    fs.renameSync(/* turbopackIgnore: true */ temporary, file);
  }
  sourceBuildFile = file;
  return file;
}

/**
 * What is promised: an event is committed in audit.db (one transaction per batch, synchronous=NORMAL in WAL mode,
 * which a process crash cannot undo) within about `flushIntervalMs` (25 ms) of its request's answer plus the time
 * the worker takes to write the batches before it, tens of milliseconds under load. `flush()` resolves once
 * everything recorded before it is committed; `close()` (SIGTERM/SIGINT) drains the worker, so a clean shutdown
 * loses nothing. A SIGKILL loses the events not yet committed: those of the requests answered in the last few tens
 * of milliseconds (more when the worker is behind), never one that a `flush()` or the audit route had waited for.
 * Events are written behind the answers, so an answered request's event is not committed with it.
 */
export class AuditWorkerWriter {
  /** The batch being collected, and the warm-up's rehearsal batch (see `rehearse`). */
  private readonly collecting: Collecting;
  private readonly rehearsals: Collecting;
  private rehearsed = 0;
  private worker: Worker | undefined;
  private nextBatch = 1;
  /** Every batch up to this one is committed (or its failure reported by the worker). */
  private acknowledged = 0;
  /** Posted batches not yet acknowledged: posted again to a restarted worker. */
  private readonly unacknowledged = new Map<number, AuditBatch>();
  private unacknowledgedEvents = 0;
  private readonly waiters: { batch: number; resolve: () => void }[] = [];
  private closed = false;
  private closing = false;
  private crashes = 0;
  /** The batch first in line when running workers died, and how many times in a row. */
  private suspect: { batch: number; crashes: number } | undefined;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private dropped = 0;
  private lastDropReport = 0;
  private readyOnce = false;
  /** Callers of `committed` (flush, close) still waiting. */
  private waiting = 0;
  private readonly writerId = randomUUID();
  private readonly maxPending: number;
  private readonly closeTimeoutMs: number;
  private readonly log: (message: string) => void;
  private readonly workerData: AuditWorkerData;

  constructor(options: AuditWorkerWriterOptions) {
    const flushIntervalMs = options.flushIntervalMs ?? 25;
    const maxBuffered = options.maxBuffered ?? 256;
    this.collecting = new Collecting(maxBuffered, flushIntervalMs, () => this.post());
    this.rehearsals = new Collecting(maxBuffered, flushIntervalMs, () => this.postRehearsal());
    this.maxPending = options.maxPending ?? 200_000;
    this.closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    this.log = options.log ?? ((message) => console.error(message));
    this.workerData = {
      dataDir: options.dataDir,
      region: options.region,
      retentionDays: options.retentionDays,
      maxEvents: options.maxEvents ?? DEFAULT_MAX_AUDIT_EVENTS,
      pruneIntervalMs: options.pruneIntervalMs ?? 60_000,
      writerId: this.writerId,
    };
    this.spawn();
  }

  /** Copies a finished request into the batch being collected. */
  enqueue(record: AuditRecord): void {
    if (this.closed) return;
    if (this.unacknowledgedEvents + this.collecting.count >= this.maxPending) {
      this.drop();
      return;
    }
    this.collecting.add(record);
  }

  /**
   * Copies a warm-up request into a rehearsal batch, posted as `enqueue` posts its batches: the worker builds and
   * writes its events in a transaction it rolls back (lib/audit/audit-worker.ts `rehearse`). Nothing is held for a
   * worker that is down, nothing is acknowledged, `flush()` does not wait for it.
   */
  rehearse(record: AuditRecord): void {
    if (this.closed || !this.worker) return;
    this.rehearsals.add(record);
  }

  /** Events of rehearsal batches the worker has built, written and rolled back so far (tests, diagnostics). */
  get rehearsedEvents(): number {
    return this.rehearsed;
  }

  private postRehearsal(): void {
    const batch = this.rehearsals.take(0);
    if (!batch) return;
    try {
      this.worker?.postMessage({ type: 'rehearse', batch } satisfies ToAuditWorker);
    } catch {
      // A value structured clone refuses: the real batch takes its JSON form (see `send`); a rehearsal goes without.
    }
  }

  /** Events recorded and not yet committed. */
  get pending(): number {
    return this.unacknowledgedEvents + this.collecting.count;
  }

  /** The worker's thread id while it runs (for diagnostics and tests); undefined while it is down. */
  get threadId(): number | undefined {
    return this.readyOnce ? this.worker?.threadId : undefined;
  }

  /**
   * Resolves once every event recorded before the call is committed in audit.db; at the latest after
   * `closeTimeoutMs`, saying so on stderr (a reader is answered from what is written rather than kept waiting for
   * a worker that is down).
   */
  flush(): Promise<void> {
    return this.committed(this.closeTimeoutMs).then((done) => {
      if (!done) this.log(`[gatehouse] audit worker: ${this.pending} audit events are not written yet; reading the trail without them`);
    });
  }

  /** True once everything recorded so far is committed; false when `timeoutMs` passed first. */
  private committed(timeoutMs: number): Promise<boolean> {
    this.post();
    const batch = this.nextBatch - 1;
    if (this.acknowledged >= batch) return Promise.resolve(true);
    // The worker is unref'd while it runs (it must not keep a finished process alive); while someone waits for it
    // to commit, it keeps the process alive, or a process awaiting close() as its last work exits before the trail
    // is written (nothing else may be left to keep the event loop going).
    this.hold();
    return new Promise((resolve) => {
      let settled = false;
      const settle = (done: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.letGo();
        resolve(done);
      };
      const timer = setTimeout(() => settle(false), timeoutMs);
      timer.unref?.();
      this.waiters.push({ batch, resolve: () => settle(true) });
    });
  }

  /** Someone waits for a commit: the worker (or its restart) keeps the process alive meanwhile. */
  private hold(): void {
    if (this.waiting++ === 0) {
      this.worker?.ref();
      this.restartTimer?.ref?.();
    }
  }

  private letGo(): void {
    if (--this.waiting > 0 || this.closing) return;
    this.worker?.unref();
    this.restartTimer?.unref?.();
  }

  /** Drains the worker (everything recorded is committed) and stops it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const timedOut = !(await this.committed(this.closeTimeoutMs));
    this.closing = true;
    clearTimeout(this.restartTimer);
    if (timedOut) this.log(`[gatehouse] audit worker: ${this.pending} audit events were not written before shutdown`);
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    // Alive until the worker has closed audit.db and exited.
    worker.ref();
    const exited = new Promise<boolean>((resolve) => worker.once('exit', () => resolve(true)));
    // The worker closes audit.db itself: when it gave up waiting, dropping what it holds. It never waits inside SQLite
    // (busy_timeout 0, locked batches are retried from a timer), so it answers at once; terminate() only if it does
    // not, since terminating it inside a better-sqlite3 call that fails is a fatal error of the whole process.
    worker.postMessage({ type: 'close', abandon: timedOut } satisfies ToAuditWorker);
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const answered = await Promise.race([
      exited,
      new Promise<boolean>((resolve) => (deadline = setTimeout(() => resolve(false), WORKER_EXIT_MS))),
    ]);
    clearTimeout(deadline);
    if (answered) return;
    this.log(`[gatehouse] audit worker: no answer to close within ${WORKER_EXIT_MS} ms; stopping it`);
    await worker.terminate();
  }

  /** Posts the batch collected so far. */
  private post(): void {
    const batch = this.collecting.take(this.nextBatch);
    if (!batch) return;
    this.nextBatch++;
    this.unacknowledged.set(batch.batch, batch);
    this.unacknowledgedEvents += batch.count;
    this.send(batch);
  }

  private send(batch: AuditBatch): void {
    const worker = this.worker;
    if (!worker) return; // Down: posted again when it is back.
    try {
      worker.postMessage(batch satisfies ToAuditWorker);
    } catch {
      // A value structured clone refuses (a function in an output): send the events' JSON form instead.
      const plain = plainBatch(batch);
      this.unacknowledged.set(batch.batch, plain);
      worker.postMessage(plain satisfies ToAuditWorker);
    }
  }

  private spawn(): void {
    let worker: Worker;
    try {
      worker = startWorker(this.workerData);
    } catch (error) {
      this.crashed(undefined, error);
      return;
    }
    this.worker = worker;
    if (this.waiting === 0) worker.unref();
    worker.on('message', (message: FromAuditWorker) => {
      if (message.type === 'ready') {
        this.readyOnce = true;
        return;
      }
      if (message.type === 'rehearsed') {
        this.rehearsed += message.events;
        return;
      }
      this.crashes = 0;
      const batch = this.unacknowledged.get(message.batch);
      if (batch) {
        this.unacknowledged.delete(message.batch);
        this.unacknowledgedEvents -= batch.count;
      }
      this.acknowledged = message.batch;
      this.releaseWaiters();
    });
    let failure: unknown;
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.closing) return;
      this.crashed(code, failure);
    });
    // Whatever a previous worker had not acknowledged, in order (the new one skips what its predecessor committed).
    for (const batch of [...this.unacknowledged.values()].sort((a, b) => a.batch - b.batch)) this.send(batch);
  }

  /** Reports the failure and starts a new worker, sooner the first times, then at most every 5 s. */
  private crashed(code: number | undefined, error: unknown): void {
    this.crashes++;
    const delay = Math.min(5000, 50 * 2 ** Math.min(this.crashes - 1, 7));
    const reason = error instanceof Error ? error.message : error === undefined ? `exit code ${code}` : String(error);
    this.log(
      `[gatehouse] the audit worker stopped (${reason}); ${this.pending} audit events are held until it is restarted in ${delay} ms`,
    );
    const wasReady = this.readyOnce;
    this.readyOnce = false;
    // The same batch first in line when a running worker died three times: it is what kills it; give it up, loudly.
    // (A worker that dies before it has opened audit.db counts against no batch: those are held.)
    const first = wasReady && this.unacknowledged.size > 0 ? Math.min(...this.unacknowledged.keys()) : undefined;
    if (first !== undefined) {
      this.suspect = this.suspect?.batch === first ? { batch: first, crashes: this.suspect.crashes + 1 } : { batch: first, crashes: 1 };
      if (this.suspect.crashes >= 3) {
        const batch = this.unacknowledged.get(first)!;
        this.unacknowledged.delete(first);
        this.unacknowledgedEvents -= batch.count;
        this.acknowledged = Math.max(this.acknowledged, first);
        this.log(`[gatehouse] ${batch.count} audit events were dropped: the audit worker stopped on them ${this.suspect.crashes} times`);
        this.suspect = undefined;
        this.releaseWaiters();
      }
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.closing) this.spawn();
    }, delay);
    if (this.waiting === 0) this.restartTimer.unref?.();
  }

  private releaseWaiters(): void {
    while (this.waiters.length > 0 && this.waiters[0].batch <= this.acknowledged) this.waiters.shift()!.resolve();
  }

  /** The worker thread while it runs (for diagnostics and tests). */
  get thread(): Worker | undefined {
    return this.worker;
  }

  private drop(): void {
    this.dropped++;
    const now = Date.now();
    if (now - this.lastDropReport < 1000) return;
    this.lastDropReport = now;
    // The worker may be down or only behind: all that is known is that it has not acknowledged this many events yet.
    this.log(
      `[gatehouse] ${this.maxPending} audit events wait for the audit worker (stopped, or behind): ${this.dropped} audit events were dropped`,
    );
    this.dropped = 0;
  }
}

/** Records collected into one batch, handed on (`post`) once `max` are in or `intervalMs` after the first one. */
class Collecting {
  private builder = new AuditBatchBuilder();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly max: number,
    private readonly intervalMs: number,
    private readonly post: () => void,
  ) {}

  get count(): number {
    return this.builder.count;
  }

  add(record: AuditRecord): void {
    this.builder.add(record);
    if (this.builder.count >= this.max) this.post();
    else if (this.timer === undefined) {
      this.timer = setTimeout(this.post, this.intervalMs);
      this.timer.unref?.();
    }
  }

  /** The batch collected so far, numbered `batch`, and the collecting starts again; undefined when it is empty. */
  take(batch: number): AuditBatch | undefined {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.builder.count === 0 ? undefined : this.builder.take(batch);
  }
}
