// Starts the standalone Gatehouse server as a child process for benchmarks, and reads its peak RSS.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IAM_NODE_ENV, IAM_NODE_FLAGS } from '../../bin/iam.mjs';
import { cpuMsOf, threadCpuMs } from './proc-cpu';

export interface BenchServer {
  endpoint: string;
  child: ChildProcess;
  /** Peak resident set size of the server process so far, in MiB (Linux VmHWM). */
  peakRssMiB(): number;
  /** The server's resident memory now, in MiB, from Linux /proc status: total, anonymous (heaps), file-backed (code). */
  rssNowMiB(): { total: number; anon: number; file: number };
  /** CPU time (user + system) the server process has used so far, in milliseconds (Linux /proc, 10 ms ticks). */
  cpuMs(): number;
  /**
   * The CPU time of its main thread alone (the event loop: HTTP, SigV4, authorization, SQLite), without the audit
   * worker and GC helpers, in milliseconds to the nanosecond (`threadCpuMs`).
   */
  mainThreadCpuMs(): number;
  /** The same for the audit worker's thread (named `gatehouse-audit` by lib/audit/audit-worker.ts); NaN when there is none. */
  auditThreadCpuMs(): number;
  stop(): void;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Starts `bin/iam.mjs` of `checkout` (this one by default; bench/ab.ts passes another) with its own fresh data directory. */
export async function startBenchServer(env: Record<string, string> = {}, checkout = root): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-'));
  // GATEHOUSE_BENCH_NODE_ARGS passes flags to the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.GATEHOUSE_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // As `npm run iam` runs it: bin/iam.mjs bundles bin/iam-server.ts and runs the bundle.
  const child = spawn(process.execPath, [...IAM_NODE_FLAGS, ...nodeArgs, 'bin/iam.mjs', '--port', '0', '--data-dir', dataDir], {
    cwd: checkout,
    env: {
      ...IAM_NODE_ENV,
      ...process.env,
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
      GATEHOUSE_ACCOUNT_ID: '123456789012',
      GATEHOUSE_DEMO: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // GATEHOUSE_BENCH_SERVER_LOG names a file that gets the server's standard output (with V8's --trace-gc or
  // --trace-deopt in GATEHOUSE_BENCH_NODE_ARGS, what the runtime did during the bench).
  const log = process.env.GATEHOUSE_BENCH_SERVER_LOG;
  if (log) child.stdout!.pipe(fs.createWriteStream(log, { flags: 'a' }));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}: ${output}`)));
  });
  child.stdout!.resume();
  return {
    endpoint,
    child,
    peakRssMiB() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      return match ? Math.round(Number(match[1]) / 1024) : NaN;
    },
    rssNowMiB() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
      const mib = (value: number) => Math.round(value / 1024);
      return { total: mib(kib('VmRSS')), anon: mib(kib('RssAnon')), file: mib(kib('RssFile') + kib('RssShmem')) };
    },
    cpuMs() {
      return cpuMsOf(`/proc/${child.pid}/stat`);
    },
    mainThreadCpuMs() {
      return threadCpuMs(`/proc/${child.pid}/task/${child.pid}`);
    },
    auditThreadCpuMs() {
      const tasks = `/proc/${child.pid}/task`;
      for (const tid of fs.readdirSync(tasks)) {
        try {
          if (fs.readFileSync(`${tasks}/${tid}/comm`, 'utf8').trim() === 'gatehouse-audit') return threadCpuMs(`${tasks}/${tid}`);
        } catch {
          // The thread ended between the listing and the read.
        }
      }
      return NaN;
    },
    stop() {
      child.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The server's CPU microseconds per request over `work` (which serves `requests` requests): its main thread (the
 * event loop: HTTP, SigV4, authorization, SQLite), its audit worker, and the whole process (GC helpers too).
 */
export async function serverCpuPerRequest<T>(
  server: BenchServer,
  requests: number,
  work: () => Promise<T>,
): Promise<{ result: T; mainUs: number; auditUs: number; processUs: number }> {
  const main0 = server.mainThreadCpuMs();
  const audit0 = server.auditThreadCpuMs();
  const process0 = server.cpuMs();
  const result = await work();
  return {
    result,
    mainUs: ((server.mainThreadCpuMs() - main0) * 1000) / requests,
    auditUs: ((server.auditThreadCpuMs() - audit0) * 1000) / requests,
    processUs: ((server.cpuMs() - process0) * 1000) / requests,
  };
}
