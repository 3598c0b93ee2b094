// HTTP edge benchmark: the server's RSS while 4 × 128 MiB chunked bodies arrive (standalone server, and the
// console's /aws mount when a build exists), the server CPU of a 1 MiB request whose one parameter name is all
// dots (signed by a principal without permissions), and throughput and p99 at concurrency 512 with load
// shedding on (GATEHOUSE_MAX_QUEUE_MS) and off.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { signQuery, type PreparedRequest } from './lib/http-load';
import { startBenchServer, type BenchServer } from './lib/server';
import { loadConfig } from '../lib/config';
import { createService } from '../lib/service/create-service';
import type { WireRequest } from '../lib/core/wire';

const ADMIN = { accessKeyId: 'test', secretAccessKey: 'test' };
const MiB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, '..');

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

/** Every process of the tree rooted at `pid` (next start runs the server in a child). */
function treeRssMiB(pid: number): number {
  let total = 0;
  const walk = (p: number) => {
    try {
      total += rssMiB(p);
      const children = fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) walk(Number(child));
    } catch {
      // the process has gone
    }
  };
  walk(pid);
  return total;
}

function post(endpoint: string, request: PreparedRequest, agent?: http.Agent): Promise<{ status: number; body: string }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: request.path,
        method: 'POST',
        agent,
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** One chunked upload of `bytes`, stopped as soon as the server answers. */
function chunkedUpload(endpoint: string, bytes: number): Promise<{ status: number; sentMiB: number }> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    const finish = (status: number) => {
      if (!done) resolve({ status, sentMiB: Math.round(sent / MiB) });
      done = true;
    };
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode ?? 0));
        res.on('error', () => finish(res.statusCode ?? 0));
      },
    );
    req.on('error', () => finish(0));
    const chunk = Buffer.alloc(256 * 1024, 'a');
    chunk.write('Action=ListUsers&Version=2010-05-08&Pad=');
    const pump = () => {
      while (!done && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done) req.end();
    };
    pump();
  });
}

/** RSS of the process tree before and at its peak while 4 × 128 MiB chunked bodies are sent in parallel. */
async function rssDuringBodies(endpoint: string, pid: number) {
  const before = treeRssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMiB(pid))), 20);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: 4 }, () => chunkedUpload(endpoint, 128 * MiB)));
  const ms = Math.round(performance.now() - started);
  await new Promise((r) => setTimeout(r, 200));
  clearInterval(sampler);
  peak = Math.max(peak, treeRssMiB(pid));
  return {
    rssBeforeMiB: before,
    rssPeakMiB: peak,
    statuses: results.map((r) => r.status),
    sentMiBWhenAnswered: results.map((r) => r.sentMiB),
    ms,
  };
}

async function userWithoutPermissions(endpoint: string) {
  await post(endpoint, await signQuery(endpoint, 'Action=CreateUser&Version=2010-05-08&UserName=bench-nobody', ADMIN));
  const created = await post(endpoint, await signQuery(endpoint, 'Action=CreateAccessKey&Version=2010-05-08&UserName=bench-nobody', ADMIN));
  return {
    accessKeyId: /<AccessKeyId>([^<]+)</.exec(created.body)![1],
    secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(created.body)![1],
  };
}

/** Server CPU per request of the 1 MiB all-dots parameter name, beside a 1 MiB ordinary body and a tiny one. */
async function dottedNameCost(server: BenchServer) {
  const nobody = await userWithoutPermissions(server.endpoint);
  const bodies = {
    dottedName: 'Action=ListUsers&Version=2010-05-08&' + '.'.repeat(MiB - 64) + '=x',
    ordinaryValue: 'Action=ListUsers&Version=2010-05-08&Pad=' + 'x'.repeat(MiB - 64),
    tiny: 'Action=ListUsers&Version=2010-05-08',
  };
  const out: Record<string, { status: number; serverCpuMsPerRequest: number; clientMsPerRequest: number }> = {};
  for (const [name, body] of Object.entries(bodies)) {
    const request = await signQuery(server.endpoint, body, nobody);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await post(server.endpoint, request, agent);
    const runs = 100;
    const cpuBefore = server.cpuMs();
    const started = performance.now();
    let status = 0;
    for (let i = 0; i < runs; i++) status = (await post(server.endpoint, request, agent)).status;
    out[name] = {
      status,
      serverCpuMsPerRequest: +((server.cpuMs() - cpuBefore) / runs).toFixed(2),
      clientMsPerRequest: +((performance.now() - started) / runs).toFixed(2),
    };
    agent.destroy();
  }
  return out;
}

/**
 * The same three bodies handled in this process by the real handler (no HTTP): CPU microseconds per request from
 * process.cpuUsage, so the cost of the dotted name itself is measured apart from the network and the socket.
 */
async function dottedNameInProcess() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-dots-'));
  const service = await createService(
    loadConfig({
      GATEHOUSE_DATA_DIR: dataDir,
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
      GATEHOUSE_DEMO: '0',
      GATEHOUSE_MAX_QUEUE_MS: '0',
    }),
  );
  const endpoint = 'http://127.0.0.1:4566';
  const wire = (request: PreparedRequest): WireRequest => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
    const rawBody = Buffer.from(request.body);
    return { method: 'POST', path: '/', query: '', headers, body: request.body, rawBody, sourceIp: '127.0.0.1', secure: false };
  };
  await service.handler(wire(await signQuery(endpoint, 'Action=CreateUser&Version=2010-05-08&UserName=bench-nobody', ADMIN)));
  const created = await service.handler(
    wire(await signQuery(endpoint, 'Action=CreateAccessKey&Version=2010-05-08&UserName=bench-nobody', ADMIN)),
  );
  const nobody = {
    accessKeyId: /<AccessKeyId>([^<]+)</.exec(created.body)![1],
    secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(created.body)![1],
  };
  const bodies = {
    dottedName: 'Action=ListUsers&Version=2010-05-08&' + '.'.repeat(MiB - 64) + '=x',
    ordinaryValue: 'Action=ListUsers&Version=2010-05-08&Pad=' + 'x'.repeat(MiB - 64),
    tiny: 'Action=ListUsers&Version=2010-05-08',
  };
  const prepared = Object.fromEntries(
    await Promise.all(Object.entries(bodies).map(async ([name, body]) => [name, wire(await signQuery(endpoint, body, nobody))] as const)),
  );
  const out: Record<string, { status: number; cpuUsPerRequest: number }> = {};
  for (let round = 0; round < 2; round++) {
    for (const [name, request] of Object.entries(prepared)) {
      const runs = 200;
      let status = 0;
      const before = process.cpuUsage();
      for (let i = 0; i < runs; i++) status = (await service.handler(request)).status;
      const used = process.cpuUsage(before);
      if (round === 1) out[name] = { status, cpuUsPerRequest: Math.round((used.user + used.system) / runs) };
    }
  }
  await service.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return out;
}

/**
 * GetUser from `concurrency` clients for `seconds`. A throttled client backs off as the SDKs' standard retry
 * mode does (full jitter: random × 100 ms × 2^attempt, at most 20 s) and tries again. Reported: requests served
 * and shed per second, latency of each served request, and of each call from its first attempt (retries included).
 */
async function overload(endpoint: string, concurrency: number, seconds: number, agent: http.Agent) {
  const request = await signQuery(endpoint, 'Action=GetUser&Version=2010-05-08', ADMIN);
  const served: number[] = [];
  const calls: number[] = [];
  let throttled = 0;
  let other = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const callStarted = performance.now();
        for (let attempt = 0; performance.now() < deadline; attempt++) {
          const started = performance.now();
          const { status, body } = await post(endpoint, request, agent).catch(() => ({ status: 0, body: '' }));
          if (status === 200) {
            served.push(performance.now() - started);
            calls.push(performance.now() - callStarted);
            break;
          }
          if (!body.includes('<Code>Throttling</Code>')) {
            other++;
            break;
          }
          throttled++;
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(20_000, 100 * 2 ** attempt)));
        }
      }
    }),
  );
  const pct = (values: number[], p: number) => {
    values.sort((a, b) => a - b);
    return +(values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN).toFixed(1);
  };
  return {
    servedPerSecond: Math.round(served.length / seconds),
    throttledPerSecond: Math.round(throttled / seconds),
    otherErrors: other,
    servedP50Ms: pct(served, 50),
    servedP99Ms: pct(served, 99),
    callP50Ms: pct(calls, 50),
    callP99Ms: pct(calls, 99),
  };
}

async function startConsole(): Promise<{ endpoint: string; child: ChildProcess; close(): void } | undefined> {
  if (!fs.existsSync(path.join(root, '.next/BUILD_ID'))) return undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-console-'));
  const port = process.env.GATEHOUSE_BENCH_CONSOLE_PORT ?? '3187';
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port, '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      GATEHOUSE_DATA_DIR: dataDir,
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
      GATEHOUSE_DEMO: '0',
      GATEHOUSE_ACCOUNT_ID: '123456789012',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout!.resume();
  const endpoint = `http://127.0.0.1:${port}/aws`;
  for (let i = 0; i < 300; i++) {
    const ok = await post(endpoint, await signQuery(endpoint, 'Action=GetUser&Version=2010-05-08', ADMIN)).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { endpoint, child, close: () => (child.kill('SIGTERM'), fs.rmSync(dataDir, { recursive: true, force: true })) };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the console did not start');
}

async function main() {
  const results: Record<string, unknown> = {};
  const standalone = await startBenchServer();
  results.bodies4x128MiBStandalone = await rssDuringBodies(standalone.endpoint, standalone.child.pid!);
  results.dottedName1MiBOverHttp = await dottedNameCost(standalone);
  standalone.stop();
  results.dottedName1MiBInProcess = await dottedNameInProcess();

  // Latency of served requests only; the 512 connections are opened (and the JIT warmed) before measuring.
  for (const [label, maxQueueMs] of [
    ['sheddingOn250ms', '250'],
    ['sheddingOn50ms', '50'],
    ['sheddingOff', '0'],
  ] as const) {
    const server = await startBenchServer({ GATEHOUSE_MAX_QUEUE_MS: maxQueueMs });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 512 });
    await overload(server.endpoint, 512, 3, agent);
    results[`c512GetUser_${label}`] = await overload(server.endpoint, 512, 10, agent);
    agent.destroy();
    server.stop();
  }
  results.loadAverageAtEnd = os.loadavg().map((l) => +l.toFixed(1));

  const consoleServer = await startConsole();
  if (consoleServer) {
    results.bodies4x128MiBConsoleAws = await rssDuringBodies(consoleServer.endpoint, consoleServer.child.pid!);
    consoleServer.close();
  } else {
    results.bodies4x128MiBConsoleAws = 'skipped: no console build (.next/BUILD_ID); run `npx next build` first';
  }
  console.log('\nGatehouse HTTP edge benchmark (2 cores shared by client and server)\n');
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
