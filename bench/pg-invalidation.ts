// Cross-instance invalidation delay on PostgreSQL: two standalone servers (`npm run iam` processes) on one
// throwaway cluster. Instance A attaches (then detaches) a Deny of iam:GetUser to a user; the delay is the time
// from A's answer to the first request through B that sees the change, B being polled back to back (so the figure
// includes one request's latency). B has the user's grant cached before each change.
// `npx tsx bench/pg-invalidation.ts [--changes 200]`.
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DetachUserPolicyCommand,
  GetUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { postgresUnavailableReason, startPostgresCluster } from '../e2e/support/postgres-cluster';
import { startBenchServer, type BenchServer } from './lib/server';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '200' } } });
const CHANGES = Number(values.changes);
const ACCOUNT = '123456789012';

function client(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }): IAMClient {
  return new IAMClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
}

async function allowed(iam: IAMClient): Promise<boolean> {
  try {
    await iam.send(new GetUserCommand({}));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'AccessDenied') return false;
    throw error;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const unavailable = postgresUnavailableReason();
  if (unavailable) {
    console.log(`pg-invalidation: skipped (${unavailable})`);
    return;
  }
  const cluster = await startPostgresCluster();
  const servers: BenchServer[] = [];
  try {
    const env = { GATEHOUSE_DATABASE_URL: cluster.url, GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64') };
    servers.push(await startBenchServer(env));
    servers.push(await startBenchServer(env));
    const [a, b] = servers;
    const adminA = client(a.endpoint, { accessKeyId: 'test', secretAccessKey: 'test' });
    await adminA.send(new CreateUserCommand({ UserName: 'bench' }));
    const key = (await adminA.send(new CreateAccessKeyCommand({ UserName: 'bench' }))).AccessKey!;
    const statement = (effect: string) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: 'iam:GetUser', Resource: '*' }] });
    await adminA.send(new PutUserPolicyCommand({ UserName: 'bench', PolicyName: 'allow', PolicyDocument: statement('Allow') }));
    await adminA.send(new CreatePolicyCommand({ PolicyName: 'deny', PolicyDocument: statement('Deny') }));
    const policyArn = `arn:aws:iam::${ACCOUNT}:policy/deny`;
    const userB = client(b.endpoint, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });

    // The latency of one request through B when nothing changes: the floor of the delay below.
    const latencies: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const start = performance.now();
      await allowed(userB);
      latencies.push(performance.now() - start);
    }
    latencies.sort((x, y) => x - y);
    const delays: number[] = [];
    let polls = 0;
    for (let i = 0; i < CHANGES; i++) {
      const deny = i % 2 === 0;
      // B has the current grant cached.
      if ((await allowed(userB)) !== deny) throw new Error('B does not see the state before the change');
      await adminA.send(
        deny
          ? new AttachUserPolicyCommand({ UserName: 'bench', PolicyArn: policyArn })
          : new DetachUserPolicyCommand({ UserName: 'bench', PolicyArn: policyArn }),
      );
      const start = performance.now();
      for (;;) {
        polls++;
        if ((await allowed(userB)) !== deny) break;
        if (performance.now() - start > 10_000) throw new Error(`change ${i} not seen by B within 10 s`);
      }
      delays.push(performance.now() - start);
    }
    delays.sort((x, y) => x - y);
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(`Cross-instance invalidation (2 instances on PostgreSQL, ${CHANGES} changes: Deny attached/detached on A, polled on B)`);
    console.log(
      `  delay from A's answer to B enforcing: p50 ${fmt(percentile(delays, 50))}, p99 ${fmt(percentile(delays, 99))}, max ${fmt(delays[delays.length - 1])}`,
    );
    console.log(
      `  one GetUser through B, no change (the floor): p50 ${fmt(percentile(latencies, 50))}, p99 ${fmt(percentile(latencies, 99))}`,
    );
    console.log(`  requests through B per change (incl. the one that saw it): ${(polls / CHANGES).toFixed(2)}`);
  } finally {
    for (const server of servers) server.stop();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
