// Two Gatehouse instances (two `bin/iam.mjs` processes, as `npm run iam` runs them) on ONE PostgreSQL database,
// driven through the AWS SDK: what one instance writes the other reads, uniqueness and "at most N" limits hold across
// both, a change of grants through one is enforced by the other, and a SIGKILL of one loses nothing acknowledged.
// Needs the run's PostgreSQL cluster, so it runs in the PostgreSQL pass (GATEHOUSE_TEST_STORE=postgres) only.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DetachUserPolicyCommand,
  GetAccountPasswordPolicyCommand,
  GetUserCommand,
  IAMClient,
  ListPolicyVersionsCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { errorCode, TEST_ACCOUNT_ID } from './harness';
import { adminClient, exited, StandaloneServers, type StandaloneServer } from './standalone';
import { createTestDatabase, onPostgres } from '../support/test-store';

/** How long a change through one instance may take to reach the other before the test fails (README states the bound). */
const PROPAGATION_LIMIT_MS = 2000;

const servers = new StandaloneServers();
/** What both instances share: the database and the secrets (the master key seals secrets both must open). */
let sharedEnv: Record<string, string>;
let a: StandaloneServer;
let b: StandaloneServer;
let iamA: IAMClient;
let iamB: IAMClient;

async function startInstance(prefix: string): Promise<StandaloneServer> {
  return servers.start(servers.dataDir(prefix), sharedEnv);
}

const clientFor = (endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }) =>
  new IAMClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });

/** A user with an access key, allowed iam:* by an inline policy. */
async function userWithKey(name: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  await iamA.send(new CreateUserCommand({ UserName: name }));
  await iamA.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: 'iam-all',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }),
    }),
  );
  const key = (await iamA.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

/** CreatePolicy of a one-statement document. */
const createPolicy = (name: string, statement: Record<string, unknown>) =>
  new CreatePolicyCommand({ PolicyName: name, PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) });

/** The error code of a call, or 'OK' when it succeeds. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as { Code?: string }).Code ?? (error as Error).name;
  }
}

/** Polls `probe` until it returns `wanted`, returning the time that took; fails after PROPAGATION_LIMIT_MS. */
async function delayUntil(probe: () => Promise<string>, wanted: string): Promise<number> {
  const started = performance.now();
  let last = '';
  for (;;) {
    last = await probe();
    const elapsed = performance.now() - started;
    if (last === wanted) return elapsed;
    if (elapsed > PROPAGATION_LIMIT_MS) throw new Error(`still ${last} (not ${wanted}) after ${Math.round(elapsed)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function listAllUserNames(iam: IAMClient): Promise<Set<string>> {
  const names = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListUsersCommand({ Marker: marker, MaxItems: 1000 }));
    for (const user of page.Users ?? []) names.add(user.UserName!);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return names;
}

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database (GATEHOUSE_TEST_STORE=postgres only)', () => {
  beforeAll(async () => {
    sharedEnv = {
      GATEHOUSE_DATABASE_URL: await createTestDatabase('two_instances'),
      GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'),
      NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
      GATEHOUSE_MAX_QUEUE_MS: '0',
    };
    // The first instance creates the account on the empty database; the second joins it.
    a = await startInstance('two-a');
    b = await startInstance('two-b');
    iamA = adminClient(a.endpoint);
    iamB = adminClient(b.endpoint);
  });

  afterAll(async () => {
    iamA?.destroy();
    iamB?.destroy();
    await servers.cleanUp();
  });

  it('a user created through A is read through B', async () => {
    const created = (await iamA.send(new CreateUserCommand({ UserName: 'Shared', Path: '/team/' }))).User!;
    const read = (await iamB.send(new GetUserCommand({ UserName: 'shared' }))).User!;
    expect(read).toMatchObject({ UserName: 'Shared', UserId: created.UserId, Arn: `arn:aws:iam::${TEST_ACCOUNT_ID}:user/team/Shared` });
    expect(await errorCode(iamB.send(new CreateUserCommand({ UserName: 'SHARED' })))).toBe('EntityAlreadyExists');
  });

  it('50 concurrent CreateUser of one name split across A and B: exactly one succeeds, 49 EntityAlreadyExists', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => outcome((i % 2 === 0 ? iamA : iamB).send(new CreateUserCommand({ UserName: 'racer' })))),
    );
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'EntityAlreadyExists')).toHaveLength(49);
    // Names differing only in case are the same name on both instances.
    const folded = await Promise.all(
      ['Folded', 'FOLDED', 'folded', 'fOLDED', 'FoLdEd', 'foldED'].map((name, i) =>
        outcome((i % 2 === 0 ? iamA : iamB).send(new CreateUserCommand({ UserName: name }))),
      ),
    );
    expect(folded.filter((o) => o === 'OK')).toHaveLength(1);
    expect(folded.filter((o) => o === 'EntityAlreadyExists')).toHaveLength(5);
  });

  it('a Deny attached through A is enforced by B (and its detachment too), within the bound', async () => {
    const credentials = await userWithKey('guarded');
    const onB = clientFor(b.endpoint, credentials);
    // B has authenticated and authorized this principal (its caches are warm) before the change.
    expect(await outcome(onB.send(new ListUsersCommand({})))).toBe('OK');
    const deny = (await iamA.send(createPolicy('deny-list-users', { Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' }))).Policy!;
    await iamA.send(new AttachUserPolicyCommand({ UserName: 'guarded', PolicyArn: deny.Arn }));
    const denyDelay = await delayUntil(() => outcome(onB.send(new ListUsersCommand({}))), 'AccessDenied');
    await iamA.send(new DetachUserPolicyCommand({ UserName: 'guarded', PolicyArn: deny.Arn }));
    const allowDelay = await delayUntil(() => outcome(onB.send(new ListUsersCommand({}))), 'OK');
    console.log(
      `cross-instance propagation: Deny enforced on B after ${denyDelay.toFixed(1)} ms, detach after ${allowDelay.toFixed(1)} ms`,
    );

    // An access key deleted through A stops working on B.
    await iamA.send(new DeleteAccessKeyCommand({ UserName: 'guarded', AccessKeyId: credentials.accessKeyId }));
    const keyDelay = await delayUntil(() => outcome(onB.send(new ListUsersCommand({}))), 'InvalidClientTokenId');
    console.log(`cross-instance propagation: deleted access key rejected on B after ${keyDelay.toFixed(1)} ms`);
    onB.destroy();
  });

  it("the password policy's grant to users, given and withdrawn through A, is enforced by B (which remembers the account row)", async () => {
    // No policy of its own: GetAccountPasswordPolicy is allowed only by the policy's AllowUsersToChangePassword.
    await iamA.send(new CreateUserCommand({ UserName: 'no-policies' }));
    const key = (await iamA.send(new CreateAccessKeyCommand({ UserName: 'no-policies' }))).AccessKey!;
    const onB = clientFor(b.endpoint, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const probe = () => outcome(onB.send(new GetAccountPasswordPolicyCommand({})));
    expect(await probe()).not.toBe('OK');
    await iamA.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, AllowUsersToChangePassword: true }));
    const grantDelay = await delayUntil(probe, 'OK');
    // B has now read the account with the grant (and keeps it): withdrawn through A, it is refused on B.
    for (let i = 0; i < 20; i++) expect(await probe()).toBe('OK');
    await iamA.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, AllowUsersToChangePassword: false }));
    const withdrawDelay = await delayUntil(probe, 'AccessDenied');
    console.log(
      `cross-instance propagation: password policy grant seen on B after ${grantDelay.toFixed(1)} ms, its withdrawal after ${withdrawDelay.toFixed(1)} ms`,
    );
    onB.destroy();
  });

  it('concurrent CreatePolicyVersion across A and B: at most 5 versions, numbered without gaps, LimitExceeded beyond', async () => {
    const policy = (await iamA.send(createPolicy('versioned', { Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }))).Policy!;
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        outcome(
          (i % 2 === 0 ? iamA : iamB).send(
            new CreatePolicyVersionCommand({
              PolicyArn: policy.Arn,
              PolicyDocument: JSON.stringify({
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: `iam:Get${i}`, Resource: '*' }],
              }),
              SetAsDefault: i % 3 === 0,
            }),
          ),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(4);
    expect(outcomes.filter((o) => o === 'LimitExceeded')).toHaveLength(8);
    for (const iam of [iamA, iamB]) {
      const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: policy.Arn }))).Versions!;
      expect(versions.map((v) => v.VersionId).sort()).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
      expect(versions.filter((v) => v.IsDefaultVersion)).toHaveLength(1);
    }
  });

  it('SIGKILL of one instance under write load loses nothing acknowledged by either', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (iam: IAMClient, tag: string) => async () => {
      for (let i = 0; !stop && i < 5000; i++) {
        const name = `load-${tag}-${i}`;
        try {
          await iam.send(new CreateUserCommand({ UserName: name }));
          acknowledged.push(name);
        } catch {
          if (iam !== iamB) return; // The killed instance is gone: its writers stop; B's keep writing.
        }
      }
    };
    const victim = await startInstance('two-victim');
    const iamVictim = adminClient(victim.endpoint);
    const writers = [...[0, 1, 2, 3].map((w) => writer(iamVictim, `k${w}`)), ...[0, 1, 2, 3].map((w) => writer(iamB, `b${w}`))].map((run) =>
      run(),
    );
    while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 10));
    victim.child.kill('SIGKILL');
    await exited(victim.child);
    // B carries on after the crash.
    const atKill = acknowledged.length;
    while (acknowledged.length < atKill + 100) await new Promise((resolve) => setTimeout(resolve, 10));
    stop = true;
    await Promise.all(writers);
    iamVictim.destroy();

    const byVictim = acknowledged.filter((n) => n.startsWith('load-k')).length;
    expect(byVictim).toBeGreaterThan(0);
    for (const iam of [iamA, iamB]) {
      const listed = await listAllUserNames(iam);
      expect(acknowledged.filter((name) => !listed.has(name))).toEqual([]);
    }
  });
});
