// Sign-in flood benchmark: GetCallerIdentity latency (p50/p99, one request at a time) on the standalone server,
// first alone, then while 25 bad console sign-ins per second arrive — each from a new address (the server trusts
// the loopback proxy this client plays) and for a new user name, so no limit cuts them short and every one costs
// a full scrypt check. Before the checks moved off the event loop, p50 rose from ~0.5 ms to ~580 ms.
import { parseArgs } from 'node:util';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { startBenchServer } from './lib/server';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, rate: { type: 'string', default: '25' } } });
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);

async function signedIdentityCalls(endpoint: string, count: number) {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    region: 'us-east-1',
    service: 'sts',
    sha256: Sha256,
  });
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const out: Array<Record<string, string>> = [];
  for (let i = 0; i < count; i++) {
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'x-bench-id': String(i) },
      body,
    });
    const { host: _host, ...headers } = signed.headers as Record<string, string>;
    out.push(headers);
  }
  return { body, requests: out };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** GetCallerIdentity one at a time for `seconds`; latencies in ms, sorted. */
async function measure(
  endpoint: string,
  calls: { body: string; requests: Array<Record<string, string>> },
  start: number,
  seconds: number,
): Promise<{ latencies: number[]; next: number }> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let i = start;
  while (performance.now() < until && i < calls.requests.length) {
    const t0 = performance.now();
    const response = await fetch(endpoint, { method: 'POST', headers: calls.requests[i++], body: calls.body });
    await response.text();
    if (response.status !== 200) throw new Error(`GetCallerIdentity answered ${response.status}`);
    latencies.push(performance.now() - t0);
  }
  return { latencies: latencies.sort((a, b) => a - b), next: i };
}

async function main(): Promise<void> {
  const server = await startBenchServer({ GATEHOUSE_TRUSTED_PROXIES: '127.0.0.1, ::1' });
  try {
    const calls = await signedIdentityCalls(server.endpoint, 40_000);
    await measure(server.endpoint, calls, 0, 1); // warm-up
    const quiet = await measure(server.endpoint, calls, 2_000, SECONDS);

    let sent = 0;
    const statuses: Record<string, number> = {};
    const inFlight: Promise<void>[] = [];
    const flood = setInterval(() => {
      const n = sent++;
      inFlight.push(
        fetch(`${server.endpoint}/_gatehouse/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
          body: JSON.stringify({ type: 'user', account: '123456789012', userName: `ghost-${n}`, password: 'Wrong-Passw0rd!' }),
        }).then(
          async (r) => {
            const answer = (await r.json().catch(() => ({}))) as { error?: string };
            const key = `${r.status} ${answer.error ?? ''}`.trim();
            statuses[key] = (statuses[key] ?? 0) + 1;
          },
          () => {
            statuses['network error'] = (statuses['network error'] ?? 0) + 1;
          },
        ),
      );
    }, 1000 / RATE);
    const busy = await measure(server.endpoint, calls, quiet.next, SECONDS);
    clearInterval(flood);
    await Promise.all(inFlight);

    const row = (name: string, l: number[]) =>
      `${name.padEnd(34)} p50 ${percentile(l, 50).toFixed(2).padStart(7)} ms   p99 ${percentile(l, 99).toFixed(2).padStart(7)} ms   (${l.length} calls)`;
    console.log(row('GetCallerIdentity, no sign-ins', quiet.latencies));
    console.log(row(`GetCallerIdentity, ${RATE} bad sign-ins/s`, busy.latencies));
    console.log(
      `bad sign-ins sent: ${sent}, answered: ${JSON.stringify(statuses)} (401: checked and refused; 429 Throttling: more than 2 checks running and 32 waiting)`,
    );
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
