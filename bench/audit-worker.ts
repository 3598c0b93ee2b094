// The audit trail's cost per request on the standalone server: CPU microseconds of the server's main thread, of its
// audit worker and of the whole process per GetUser and per GetCallerIdentity, pre-signed at concurrency
// 16, with the same run's requests/s against a do-nothing node:http server (the ceiling). Run it on two checkouts
// back to back (e.g. before and after moving the audit trail to its worker) and compare the ratios.
import fs from 'node:fs';
import { runLoad, signQuery, startCeilingServer, type PreparedRequest } from './lib/http-load';
import { serverCpuPerRequest, startBenchServer } from './lib/server';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const IAM = 'Version=2010-05-08';
const REQUESTS = Number(process.env.GATEHOUSE_BENCH_REQUESTS ?? 20000);
const ROUNDS = Number(process.env.GATEHOUSE_BENCH_ROUNDS ?? 3);

async function main(): Promise<void> {
  const server = await startBenchServer();
  const ceiling = await startCeilingServer();
  const pid = server.child.pid!;
  const sign = (bodies: string[], service: 'iam' | 'sts' = 'iam'): Promise<PreparedRequest[]> =>
    Promise.all(bodies.map((body) => signQuery(server.endpoint, body, CREDENTIALS, service)));
  try {
    console.log(`server after start: RSS ${server.rssNowMiB().total} MiB`);
    await runLoad(server.endpoint, await sign(Array.from({ length: 200 }, (_, i) => `Action=CreateUser&${IAM}&UserName=u-${i}`)), 16);
    const workloads: [string, PreparedRequest[]][] = [
      ['GetUser', await sign(Array.from({ length: REQUESTS }, (_, i) => `Action=GetUser&${IAM}&UserName=u-${i % 200}`))],
      [
        'GetCallerIdentity',
        await sign(
          Array.from({ length: REQUESTS }, () => 'Action=GetCallerIdentity&Version=2011-06-15'),
          'sts',
        ),
      ],
    ];
    // Warm-up of each path, then the measured rounds.
    for (const [, requests] of workloads) await runLoad(server.endpoint, requests.slice(0, 3000), 16);
    const rows: Record<string, string | number>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, requests] of workloads) {
        const ceil = (
          await runLoad(
            ceiling.endpoint,
            requests.map((r) => ({ ...r })),
            16,
          )
        ).perSecond;
        const {
          result,
          mainUs: main,
          auditUs: audit,
          processUs: all,
        } = await serverCpuPerRequest(server, requests.length, async () => {
          const loaded = await runLoad(server.endpoint, requests, 16);
          // What the worker still writes after the last answer belongs to these requests.
          await new Promise((resolve) => setTimeout(resolve, 300));
          return loaded;
        });
        rows.push({
          round,
          action: name,
          'main thread µs/req': Number(main.toFixed(1)),
          'audit worker µs/req': Number(audit.toFixed(1)),
          'process µs/req': Number(all.toFixed(1)),
          'req/s': Math.round(result.perSecond),
          'of ceiling': `${((100 * result.perSecond) / ceil).toFixed(0)} %`,
          errors: result.errors,
        });
      }
    }
    console.table(rows);
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    console.log(
      `server: peak RSS ${server.peakRssMiB().toFixed(0)} MiB, RSS now ${(field('VmRSS') / 1024).toFixed(0)} MiB, ${field('Threads')} threads`,
    );
  } finally {
    ceiling.close();
    server.stop();
  }
}

void main();
