// Server time of one ListUsers page (100 of 5,000 users: admin + 4,999, the account quota), signed and authorized, measured in-process at the
// handler (no HTTP, no client): median and p99 over many calls, first page and a middle page by Marker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../lib/config';
import { createService } from '../lib/service/create-service';
import { systemPrincipal } from '../lib/core/context';
import { IAM_OPERATIONS } from '../lib/iam/operations';
import { signQuery } from './lib/http-load';
import type { WireRequest } from '../lib/core/wire';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-list-bench-'));
// Top-level await is not available here (tsx runs this file as CommonJS): the set-up runs from main().
let service: Awaited<ReturnType<typeof createService>>;

async function setUp(): Promise<void> {
  service = await createService(
    // Load shedding off: this measures the handler's own time, calling it back to back in one turn of the loop.
    loadConfig({
      GATEHOUSE_DATA_DIR: dataDir,
      GATEHOUSE_ACCOUNT_ID: '123456789012',
      GATEHOUSE_DEMO: '0',
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
      GATEHOUSE_MAX_QUEUE_MS: '0',
    }),
  );
  const ctx = {
    principal: systemPrincipal('123456789012'),
    store: service.store,
    config: service.config,
    secrets: service.secrets,
    requestId: 'bench',
    now: new Date(),
    sourceIp: '127.0.0.1',
    userAgent: 'bench',
    secureTransport: false,
    service: 'iam' as const,
    action: 'CreateUser',
  };
  await service.store.transaction(async () => {
    for (let i = 0; i < 4999; i++)
      await IAM_OPERATIONS.CreateUser(ctx, { UserName: `user-${String(i).padStart(4, '0')}`, Path: `/division-${i % 4}/team-${i % 20}/` });
  });
}

async function request(body: string): Promise<WireRequest> {
  const signed = await signQuery('http://127.0.0.1:4566', body, { accessKeyId: 'test', secretAccessKey: 'test' });
  return {
    method: 'POST',
    path: '/',
    query: '',
    headers: Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body,
    sourceIp: '127.0.0.1',
    secure: false,
  };
}

async function measure(label: string, wire: WireRequest, iterations = 2000) {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    const response = await service.handler(wire);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.status !== 200) throw new Error(`${label}: ${response.status} ${response.body.slice(0, 300)}`);
  }
  times.sort((a, b) => a - b);
  return {
    page: label,
    medianMs: +times[Math.floor(times.length / 2)].toFixed(3),
    p99Ms: +times[Math.floor(times.length * 0.99)].toFixed(3),
  };
}

async function main() {
  await setUp();
  const first = await request('Action=ListUsers&Version=2010-05-08&MaxItems=100');
  const firstResponse = await service.handler(first);
  const marker = /<Marker>([^<]+)<\/Marker>/.exec(firstResponse.body)?.[1];
  const rows = [await measure('first page of 100 (of 5,000)', first)];
  if (marker) {
    rows.push(
      await measure(
        'next page by Marker',
        await request(`Action=ListUsers&Version=2010-05-08&MaxItems=100&Marker=${encodeURIComponent(marker)}`),
      ),
    );
  }
  rows.push(
    await measure(
      'PathPrefix=/division-2/ page of 100',
      await request('Action=ListUsers&Version=2010-05-08&MaxItems=100&PathPrefix=%2Fdivision-2%2F'),
    ),
  );
  console.log('\nListUsers server time (handler, in-process; target < 2 ms)\n');
  console.table(rows);
  await service.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
