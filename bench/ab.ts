// A/B of two checkouts of Gatehouse on the same machine in one run: GetUser and GetCallerIdentity, pre-signed at
// concurrency 16, each server's pass alternating with the same do-nothing node:http server (the ceiling, warmed
// first), the order of the two checkouts swapped every round. Prints per checkout the median requests/s, the median of
// each round's ratio to the ceiling pass just before it, and the server's CPU per request: its main thread and the
// whole process. The machine's load drifts by a third within minutes, so only figures of one run compare. Half the
// rounds run on servers started A then B, half on fresh ones started B then A.
//
//   git worktree add --detach ../base <rev> && cp -al node_modules ../base/node_modules
//   npx tsx bench/ab.ts ../base .          (GATEHOUSE_AB_ROUNDS, default 8, even; GATEHOUSE_AB_REQUESTS, default 12,000)
//
// Both servers run with this checkout's node flags and environment (bin/iam.mjs), so a change to those is not
// measured here. Not part of `npm run bench`: it needs a second checkout.
import path from 'node:path';
import { runLoad, signQuery, startCeilingServer, type PreparedRequest } from './lib/http-load';
import { serverCpuPerRequest, startBenchServer, type BenchServer } from './lib/server';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const CONCURRENCY = 16;
const USERS = 3000;
const ROUNDS = Number(process.env.GATEHOUSE_AB_ROUNDS ?? 8);
const REQUESTS = Number(process.env.GATEHOUSE_AB_REQUESTS ?? 12000);

interface Workload {
  name: string;
  body: (i: number) => string;
  service: 'iam' | 'sts';
}

const WORKLOADS: Workload[] = [
  { name: 'GetUser', body: (i) => `Action=GetUser&Version=2010-05-08&UserName=ab-${i % USERS}`, service: 'iam' },
  { name: 'GetCallerIdentity', body: () => 'Action=GetCallerIdentity&Version=2011-06-15', service: 'sts' },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const copies = (requests: PreparedRequest[]) => requests.map((r) => ({ ...r }));

type Figures = { perSecond: number[]; ratio: number[]; mainUs: number[]; auditUs: number[]; processUs: number[] };

async function main(): Promise<void> {
  const checkouts = process.argv.slice(2).map((dir) => path.resolve(dir));
  if (checkouts.length !== 2) throw new Error('usage: npx tsx bench/ab.ts <checkout A> <checkout B>');
  const ceiling = await startCeilingServer();
  // figures[workload][checkout]
  const figures: Figures[][] = WORKLOADS.map(() =>
    checkouts.map(() => ({ perSecond: [], ratio: [], mainUs: [], auditUs: [], processUs: [] })),
  );
  try {
    // Two halves, each with fresh servers started in the other order: on identical code the server started first
    // measured up to ~20 µs a request apart from the other (either way), which the swap cancels out.
    for (const startOrder of [
      [0, 1],
      [1, 0],
    ]) {
      const servers: BenchServer[] = [];
      try {
        for (const k of startOrder) servers[k] = await startBenchServer({}, checkouts[k]);
        await measureHalf(servers, ceiling.endpoint, figures);
      } finally {
        for (const server of servers) server?.stop();
      }
    }
  } finally {
    ceiling.close();
  }
  for (const [w, workload] of WORKLOADS.entries()) {
    console.log(`\n${workload.name}, pre-signed c${CONCURRENCY}, ${ROUNDS} rounds of ${REQUESTS} (medians)`);
    console.table(
      figures[w].map((f, k) => ({
        checkout: checkouts[k],
        'requests/s': Math.round(median(f.perSecond)),
        'of ceiling': `${(median(f.ratio) * 100).toFixed(1)} %`,
        'main thread µs/request': Math.round(median(f.mainUs)),
        'audit worker µs/request': Math.round(median(f.auditUs)),
        'process µs/request': Math.round(median(f.processUs)),
        'ratio per round': f.ratio.map((r) => Math.round(r * 100)).join(' '),
      })),
    );
  }
}

/** Half of the rounds of every workload on `servers` (one per checkout), added to `figures`. */
async function measureHalf(servers: BenchServer[], ceilingEndpoint: string, figures: Figures[][]): Promise<void> {
  const sign = (endpoint: string, workload: Workload, count: number) =>
    Promise.all(Array.from({ length: count }, (_, i) => signQuery(endpoint, workload.body(i), CREDENTIALS, workload.service)));
  for (const server of servers) {
    const users = Array.from({ length: USERS }, (_, i) => `Action=CreateUser&Version=2010-05-08&UserName=ab-${i}&Path=/ab/`);
    await runLoad(server.endpoint, await Promise.all(users.map((body) => signQuery(server.endpoint, body, CREDENTIALS))), CONCURRENCY);
  }
  for (const [w, workload] of WORKLOADS.entries()) {
    const requests = await Promise.all(servers.map((server) => sign(server.endpoint, workload, REQUESTS)));
    // Unmeasured: each server's first pass, then the ceiling's first passes (this client warms up over them).
    for (const [k, server] of servers.entries()) await runLoad(server.endpoint, copies(requests[k]), CONCURRENCY);
    for (let pass = 0; pass < 3; pass++) await runLoad(ceilingEndpoint, copies(requests[0]), CONCURRENCY);
    for (let round = 0; round < ROUNDS / 2; round++) {
      for (const k of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const ceilingRate = (await runLoad(ceilingEndpoint, copies(requests[k]), CONCURRENCY)).perSecond;
        const server = servers[k];
        const { result, mainUs, auditUs, processUs } = await serverCpuPerRequest(server, REQUESTS, () =>
          runLoad(server.endpoint, copies(requests[k]), CONCURRENCY),
        );
        if (result.errors > 0) throw new Error(`${workload.name}: ${result.errors} errors ${JSON.stringify(result.statuses)}`);
        const f = figures[w][k];
        f.perSecond.push(result.perSecond);
        f.ratio.push(result.perSecond / ceilingRate);
        f.mainUs.push(mainUs);
        f.auditUs.push(auditUs);
        f.processUs.push(processUs);
      }
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
