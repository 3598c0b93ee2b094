// Server-capacity measurement: requests signed up front, sent over keep-alive connections at a fixed
// concurrency, so the client's own cost (the SDK tops out near the server's speed) stays out of the number.
import http from 'node:http';
import { spawn } from 'node:child_process';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { cpuMsOf } from './proc-cpu';

export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Signs a query-protocol request (SigV4, service iam or sts) for `endpoint`. */
export async function signQuery(
  endpoint: string,
  body: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  service: 'iam' | 'sts' = 'iam',
): Promise<PreparedRequest> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname || '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  return { path: url.pathname || '/', headers: signed.headers as Record<string, string>, body };
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  errors: number;
  statuses: Record<number, number>;
}

/** Sends every prepared request once, `concurrency` at a time over keep-alive connections. */
export async function runLoad(endpoint: string, requests: PreparedRequest[], concurrency: number): Promise<LoadResult> {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let errors = 0;
  const statuses: Record<number, number> = {};
  const send = (request: PreparedRequest) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: request.path,
          method: 'POST',
          headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
          agent,
        },
        (res) => {
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          if ((res.statusCode ?? 500) >= 400) errors++;
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(request.body);
    });
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) await send(requests[next++]);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { requests: requests.length, seconds, perSecond: requests.length / seconds, errors, statuses };
}

/**
 * A do-nothing node:http server in its own process (like the Gatehouse server), answering a fixed small XML
 * body: the ceiling of this machine's HTTP stack with the same client. Most of its CPU is below node:http: on
 * 2026-12-03 (four rounds alternated, this client at concurrency 16) it spent 41-58 µs a request, and a raw
 * `net` server that only found each request's end and wrote a canned response spent 33-38 µs.
 */
export async function startCeilingServer(): Promise<{ endpoint: string; close(): void; cpuMs(): number }> {
  const code = `
    const http = require('node:http');
    const body = '<ListUsersResponse><ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>';
    const server = http.createServer({ keepAliveTimeout: 65000 }, (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
  `;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (c) => reject(new Error(`ceiling server exited with ${c}`)));
  });
  return {
    endpoint,
    close: () => child.kill('SIGTERM'),
    // User + system CPU of the ceiling's process.
    cpuMs: () => cpuMsOf(`/proc/${child.pid}/stat`),
  };
}
