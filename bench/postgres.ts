// PostgreSQL benchmark (issue 14), in one run on a throwaway cluster: GetUser and CreateUser (pre-signed, concurrency
// 16) with one instance on SQLite, one on PostgreSQL and two on PostgreSQL (the load split across both); the delay
// before a Deny attached (or detached) through instance A is enforced by instance B, p50/p99; and CreateUser and
// ListUsers (one page of 100, and the full listing) at 5k and 50k users on PostgreSQL. Skipped, with the reason
// printed, where initdb/pg_ctl are missing.
import { randomBytes } from 'node:crypto';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DetachUserPolicyCommand,
  IAMClient,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import pg from 'pg';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../e2e/support/postgres-cluster';
import { runLoad, signQuery, type LoadResult, type PreparedRequest } from './lib/http-load';
import { startBenchServer, type BenchServer } from './lib/server';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const CONCURRENCY = 16;
const IAM = 'Version=2010-05-08';

type Row = { setup: string; step: string; requests: number; perSecond: number; errors: number; note?: string };
const rows: Row[] = [];

function sign(endpoint: string, bodies: string[]): Promise<PreparedRequest[]> {
  return Promise.all(bodies.map((body) => signQuery(endpoint, body, CREDENTIALS)));
}

/** Sends `bodies` across `servers` (request i to server i mod n), CONCURRENCY in flight in all, and sums the rate. */
async function splitLoad(servers: BenchServer[], bodies: string[]): Promise<LoadResult> {
  const shares = await Promise.all(
    servers.map((server, s) =>
      sign(
        server.endpoint,
        bodies.filter((_, i) => i % servers.length === s),
      ),
    ),
  );
  const started = performance.now();
  const results = await Promise.all(servers.map((server, s) => runLoad(server.endpoint, shares[s], CONCURRENCY / servers.length)));
  const seconds = (performance.now() - started) / 1000;
  const statuses: Record<number, number> = {};
  for (const result of results)
    for (const [status, n] of Object.entries(result.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + n;
  return {
    requests: bodies.length,
    seconds,
    perSecond: bodies.length / seconds,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    statuses,
  };
}

function record(setup: string, step: string, result: LoadResult, note?: string): void {
  const statuses = Object.entries(result.statuses)
    .filter(([status]) => status !== '200')
    .map(([status, n]) => `${n}×${status}`)
    .join(' ');
  rows.push({
    setup,
    step,
    requests: result.requests,
    perSecond: Math.round(result.perSecond),
    errors: result.errors,
    note: [note, statuses].filter(Boolean).join(' ') || undefined,
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Instances that share one database and the secrets (as a deployment behind a load balancer would). */
async function startInstances(count: number, databaseUrl?: string): Promise<BenchServer[]> {
  const env: Record<string, string> = {
    GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    GATEHOUSE_MAX_QUEUE_MS: '0',
    ...(databaseUrl ? { GATEHOUSE_DATABASE_URL: databaseUrl } : {}),
  };
  const servers: BenchServer[] = [];
  // One after the other: the first creates the account on the empty database, the next ones join it.
  for (let i = 0; i < count; i++) servers.push(await startBenchServer(env));
  return servers;
}

/** GetUser and CreateUser at concurrency 16 on `servers`. */
async function throughput(setup: string, servers: BenchServer[]): Promise<{ getUser: number; createUser: number }> {
  // 2,000 users to read (also the JIT's warm-up of the write path), then 2,000 more created as the measured step.
  record(
    setup,
    'CreateUser (c16, warm-up 2,000)',
    await splitLoad(
      servers,
      Array.from({ length: 2000 }, (_, i) => `Action=CreateUser&${IAM}&UserName=user-${i}`),
    ),
  );
  const create = await splitLoad(
    servers,
    Array.from({ length: 2000 }, (_, i) => `Action=CreateUser&${IAM}&UserName=more-${i}&Path=/more/`),
  );
  record(setup, 'CreateUser (c16)', create);
  const getUser = await splitLoad(
    servers,
    Array.from({ length: 20000 }, (_, i) => `Action=GetUser&${IAM}&UserName=user-${(i * 7) % 2000}`),
  );
  record(setup, 'GetUser (c16)', getUser);
  return { getUser: Math.round(getUser.perSecond), createUser: Math.round(create.perSecond) };
}

const client = (endpoint: string, credentials = CREDENTIALS) =>
  new IAMClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as { Code?: string }).Code ?? (error as Error).name;
  }
}

/** Attach/detach a Deny through A, then call B back to back until B enforces the change: the delays in ms. */
async function invalidationDelays(a: BenchServer, b: BenchServer, rounds: number): Promise<{ deny: number[]; allow: number[] }> {
  const iamA = client(a.endpoint);
  await iamA.send(new CreateUserCommand({ UserName: 'probe' }));
  await iamA.send(
    new PutUserPolicyCommand({
      UserName: 'probe',
      PolicyName: 'iam-all',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }),
    }),
  );
  const key = (await iamA.send(new CreateAccessKeyCommand({ UserName: 'probe' }))).AccessKey!;
  const deny = (
    await iamA.send(
      new CreatePolicyCommand({
        PolicyName: 'deny-list-users',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' }] }),
      }),
    )
  ).Policy!;
  const probe = client(b.endpoint, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
  const until = async (wanted: string): Promise<number> => {
    const started = performance.now();
    for (;;) {
      const got = await outcome(probe.send(new ListUsersCommand({ MaxItems: 1 })));
      const elapsed = performance.now() - started;
      if (got === wanted) return elapsed;
      if (elapsed > 10000) throw new Error(`B still answers ${got}, not ${wanted}, after 10 s`);
    }
  };
  await until('OK');
  const delays = { deny: [] as number[], allow: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    await iamA.send(new AttachUserPolicyCommand({ UserName: 'probe', PolicyArn: deny.Arn }));
    delays.deny.push(await until('AccessDenied'));
    await iamA.send(new DetachUserPolicyCommand({ UserName: 'probe', PolicyArn: deny.Arn }));
    delays.allow.push(await until('OK'));
  }
  iamA.destroy();
  probe.destroy();
  return delays;
}

/** Times ListUsers on one instance: one page of 100 (median of `samples`), and the full listing in pages of 100 and of 1,000. */
async function listings(setup: string, server: BenchServer, users: number, samples: number): Promise<void> {
  const iam = client(server.endpoint);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await iam.send(new ListUsersCommand({ MaxItems: 100 }));
    times.push(performance.now() - started);
  }
  rows.push({
    setup,
    step: `ListUsers page of 100 at ${users} users`,
    requests: samples,
    perSecond: Math.round(1000 / percentile(times, 50)),
    errors: 0,
    note: `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms (SDK, sequential)`,
  });
  for (const pageSize of [100, 1000]) {
    const started = performance.now();
    let pages = 0;
    let count = 0;
    let marker: string | undefined;
    do {
      const page = await iam.send(new ListUsersCommand({ MaxItems: pageSize, Marker: marker }));
      pages++;
      count += page.Users?.length ?? 0;
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    const ms = performance.now() - started;
    rows.push({
      setup,
      step: `ListUsers full listing at ${users} users (pages of ${pageSize})`,
      requests: pages,
      perSecond: Math.round(pages / (ms / 1000)),
      errors: 0,
      note: `${count} users in ${(ms / 1000).toFixed(2)} s`,
    });
  }
  iam.destroy();
}

/** Adds users straight into the PostgreSQL database (past the API's 5,000-user account quota), named bulk-000001…. */
async function insertUsers(databaseUrl: string, from: number, to: number): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO users (user_id, user_name, name_key, path, create_date)
       SELECT 'AIDA' || upper(substr(md5('bulk' || i), 1, 17)), 'bulk-' || lpad(i::text, 6, '0'), 'bulk-' || lpad(i::text, 6, '0'),
              '/bulk/', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
       FROM generate_series($1::int, $2::int) AS i`,
      [from, to - 1],
    );
    await db.query('ANALYZE users');
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const unavailable = postgresUnavailableReason();
  if (unavailable) {
    console.log(`bench/postgres.ts skipped: ${unavailable}`);
    return;
  }
  let cluster: PostgresCluster | undefined;
  const running: BenchServer[] = [];
  const stopAll = () => {
    for (const server of running.splice(0)) server.stop();
  };
  try {
    cluster = await startPostgresCluster();
    const summary: Record<string, unknown> = {};

    // 1. Throughput: one instance on SQLite, one on PostgreSQL, two on PostgreSQL.
    const sqlite = await startInstances(1);
    running.push(...sqlite);
    summary['1 × SQLite'] = await throughput('1 × SQLite', sqlite);
    stopAll();
    const onePg = await startInstances(1, await cluster.createDatabase('bench_one'));
    running.push(...onePg);
    summary['1 × PostgreSQL'] = await throughput('1 × PostgreSQL', onePg);
    stopAll();
    const twoPg = await startInstances(2, await cluster.createDatabase('bench_two'));
    running.push(...twoPg);
    summary['2 × PostgreSQL'] = await throughput('2 × PostgreSQL', twoPg);

    // 2. Cross-instance invalidation, on the two instances.
    const delays = await invalidationDelays(twoPg[0], twoPg[1], 100);
    const all = [...delays.deny, ...delays.allow];
    const ms = (values: number[]) => ({
      p50: +percentile(values, 50).toFixed(1),
      p99: +percentile(values, 99).toFixed(1),
      max: +Math.max(...values).toFixed(1),
    });
    summary.invalidationMs = { denyEnforced: ms(delays.deny), detachEnforced: ms(delays.allow), all: ms(all) };
    rows.push({
      setup: '2 × PostgreSQL',
      step: 'attach/detach Deny on A → enforced on B',
      requests: all.length,
      perSecond: NaN,
      errors: 0,
      note: `p50 ${ms(all).p50} ms, p99 ${ms(all).p99} ms, max ${ms(all).max} ms (from A's answer to B's first changed answer)`,
    });
    stopAll();

    // 3. Scale on PostgreSQL: CreateUser up to the 5,000-user quota, ListUsers at 5k; then 45,000 more inserted directly, ListUsers at 50k.
    const scaleUrl = await cluster.createDatabase('bench_scale');
    const [scale] = await startInstances(1, scaleUrl);
    running.push(scale);
    const first = await splitLoad(
      [scale],
      Array.from({ length: 1000 }, (_, i) => `Action=CreateUser&${IAM}&UserName=user-${String(i).padStart(6, '0')}`),
    );
    record('1 × PostgreSQL', 'CreateUser users 1–1,000 (c16)', first);
    const middle = await splitLoad(
      [scale],
      Array.from({ length: 2999 }, (_, i) => `Action=CreateUser&${IAM}&UserName=user-${String(1000 + i).padStart(6, '0')}`),
    );
    record('1 × PostgreSQL', 'CreateUser users 1,001–4,000 (c16)', middle);
    const last = await splitLoad(
      [scale],
      Array.from({ length: 1000 }, (_, i) => `Action=CreateUser&${IAM}&UserName=user-${String(3999 + i).padStart(6, '0')}`),
    );
    record('1 × PostgreSQL', 'CreateUser users 4,000–4,999 (c16)', last, 'the account quota is 5,000 users (with the admin)');
    await listings('1 × PostgreSQL', scale, 5000, 300);
    await insertUsers(scaleUrl, 5000, 50000);
    await listings('1 × PostgreSQL', scale, 50000, 300);
    const refused = await splitLoad(
      [scale],
      Array.from({ length: 2000 }, (_, i) => `Action=CreateUser&${IAM}&UserName=over-${i}`),
    );
    record(
      '1 × PostgreSQL',
      'CreateUser at 50,000 users (c16)',
      refused,
      'answered LimitExceeded (the quota check reads the entity_counts row)',
    );
    summary.createUserScale = {
      first1000PerSecond: Math.round(first.perSecond),
      last1000PerSecond: Math.round(last.perSecond),
      at50kLimitExceededPerSecond: Math.round(refused.perSecond),
    };
    stopAll();

    console.log('\nGatehouse on PostgreSQL (2 cores shared by client, servers and PostgreSQL)\n');
    console.table(rows);
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    stopAll();
    await cluster?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
