// Several Gatehouse services (instances) on one PostgreSQL database: one account created by concurrent first
// starts, the shared master key enforced, a change through one instance enforced by the other (LISTEN/NOTIFY
// invalidation), caches bypassed while an instance's listening connection is down, and reset across instances.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { loadConfig } from '../config';
import type { PostgresStore } from '../store/postgres/store';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../../e2e/support/postgres-cluster';
import { SignInLimiter } from '../authn/sign-in-limits';
import { createService, type Service } from './create-service';

const MASTER_KEY = 'ab'.repeat(32);
const ACCOUNT = '123456789012';
const ADMIN = { accessKeyId: 'test', secretAccessKey: 'test' };
type Credentials = typeof ADMIN;

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`Multi-instance tests on PostgreSQL skipped: ${unavailable}`);

let cluster: PostgresCluster;
let dataDir: string;
const opened: Service[] = [];

function env(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GATEHOUSE_DATA_DIR: dataDir,
    GATEHOUSE_DATABASE_URL: url,
    GATEHOUSE_MASTER_KEY: MASTER_KEY,
    GATEHOUSE_ACCOUNT_ID: ACCOUNT,
    GATEHOUSE_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
    GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
    GATEHOUSE_DEMO: '0',
    GATEHOUSE_MAX_QUEUE_MS: '0',
    GATEHOUSE_ALLOW_RESET: '1',
    ...extra,
  };
}

async function open(url: string, extra: Record<string, string> = {}, reconnectMinMs?: number): Promise<Service> {
  const service = await createService(loadConfig(env(url, extra)), { postgres: { reconnectMinMs } });
  opened.push(service);
  return service;
}

async function call(
  service: Service,
  credentials: Credentials & { sessionToken?: string },
  params: Record<string, string>,
  api: 'iam' | 'sts' = 'iam',
): Promise<{ status: number; body: string }> {
  const body = new URLSearchParams({ Version: api === 'iam' ? '2010-05-08' : '2011-06-15', ...params }).toString();
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: api, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    path: '/',
    headers: { host: '127.0.0.1', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  const response = await service.handler({
    method: 'POST',
    path: '/',
    query: '',
    headers,
    body,
    rawBody: Buffer.from(body),
    sourceIp: '127.0.0.1',
    secure: false,
  });
  return { status: response.status, body: String(response.body) };
}

async function ok(service: Service, credentials: Credentials, params: Record<string, string>): Promise<string> {
  const answer = await call(service, credentials, params);
  expect(answer.status, answer.body).toBe(200);
  return answer.body;
}

function code(body: string): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
}

/** Polls `probe` until it returns true; returns the milliseconds it took (throws after `limitMs`). */
/** How long a change may take to reach the other instance before a test fails (not a performance bound). */
const LIMIT_MS = 5_000;

async function until(probe: () => Promise<boolean> | boolean, limitMs: number): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (await probe()) return performance.now() - start;
    if (performance.now() - start > limitMs) throw new Error(`condition not met within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe.skipIf(unavailable !== undefined)('several instances on one PostgreSQL database', () => {
  let url: string;
  let a: Service;
  let b: Service;
  let alice: Credentials;
  const denyArn = `arn:aws:iam::${ACCOUNT}:policy/deny-get-user`;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-multi-'));
    cluster = await startPostgresCluster();
    url = await cluster.createDatabase('multi_instance');
  }, 120_000);

  afterAll(async () => {
    for (const service of opened.splice(0)) await service.close();
    await cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the account once when two instances start together on an empty database', async () => {
    const fresh = await cluster.createDatabase('concurrent_bootstrap');
    const [x, y] = await Promise.all([open(fresh), open(fresh)]);
    expect([x.firstRun, y.firstRun].filter((run) => run !== undefined)).toHaveLength(1);
    expect((await x.store.account.get())?.accountId).toBe(ACCOUNT);
    expect(await y.store.account.get()).toEqual(await x.store.account.get());
    // One admin key, usable through both instances.
    expect(code(await ok(y, ADMIN, { Action: 'GetUser' }))).toBeUndefined();
    expect(code(await ok(x, ADMIN, { Action: 'GetUser' }))).toBeUndefined();
    const client = new pg.Client({ connectionString: fresh });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_keys`);
      expect(rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('refuses to start without GATEHOUSE_MASTER_KEY, or with one that does not open the database', async () => {
    const fresh = await cluster.createDatabase('master_key');
    await expect(createService(loadConfig({ ...env(fresh), GATEHOUSE_MASTER_KEY: '' }))).rejects.toThrow(/GATEHOUSE_MASTER_KEY is not/);
    await open(fresh);
    await expect(createService(loadConfig(env(fresh, { GATEHOUSE_MASTER_KEY: 'cd'.repeat(32) })))).rejects.toThrow(
      /does not match the key the database's secrets were sealed with/,
    );
  });

  it('enforces a Deny attached through instance A on instance B (the delay itself is measured by bench/pg-invalidation.ts)', async () => {
    a = await open(url);
    b = await open(url, {}, 2000); // a slow first reconnection: the next case needs a wide window
    await ok(a, ADMIN, { Action: 'CreateUser', UserName: 'alice' });
    const keyXml = await ok(a, ADMIN, { Action: 'CreateAccessKey', UserName: 'alice' });
    alice = {
      accessKeyId: /<AccessKeyId>([^<]+)</.exec(keyXml)![1],
      secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(keyXml)![1],
    };
    const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] };
    const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:GetUser', Resource: '*' }] };
    await ok(a, ADMIN, { Action: 'PutUserPolicy', UserName: 'alice', PolicyName: 'allow', PolicyDocument: JSON.stringify(allow) });
    await ok(a, ADMIN, { Action: 'CreatePolicy', PolicyName: 'deny-get-user', PolicyDocument: JSON.stringify(deny) });
    // B computes and caches alice's grant.
    expect((await call(b, alice, { Action: 'GetUser' })).status).toBe(200);
    expect((await call(b, alice, { Action: 'GetUser' })).status).toBe(200);

    await ok(a, ADMIN, { Action: 'AttachUserPolicy', UserName: 'alice', PolicyArn: denyArn });
    const denied = await until(async () => code((await call(b, alice, { Action: 'GetUser' })).body) === 'AccessDenied', LIMIT_MS);
    expect(denied).toBeGreaterThanOrEqual(0);

    await ok(a, ADMIN, { Action: 'DetachUserPolicy', UserName: 'alice', PolicyArn: denyArn });
    await until(async () => (await call(b, alice, { Action: 'GetUser' })).status === 200, LIMIT_MS);
    // A deleted access key is refused by B too (the authenticator's key cache is dropped).
    await ok(a, ADMIN, { Action: 'UpdateAccessKey', UserName: 'alice', AccessKeyId: alice.accessKeyId, Status: 'Inactive' });
    await until(async () => code((await call(b, alice, { Action: 'GetUser' })).body) === 'InvalidClientTokenId', LIMIT_MS);
    await ok(a, ADMIN, { Action: 'UpdateAccessKey', UserName: 'alice', AccessKeyId: alice.accessKeyId, Status: 'Active' });
    await until(async () => (await call(b, alice, { Action: 'GetUser' })).status === 200, LIMIT_MS);
  });

  it('bypasses its caches while its listening connection is lost, and trusts them again once it listens', async () => {
    const store = b.store as PostgresStore;
    const pid = store.listenerBackendPid;
    expect(pid).toBeTypeOf('number');
    expect(store.cachesTrusted()).toBe(true);
    expect((await call(b, alice, { Action: 'GetUser' })).status).toBe(200); // cached again

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await until(() => !store.cachesTrusted(), 2000);

    // B cannot hear this change: it must not serve its cached grant.
    await ok(a, ADMIN, { Action: 'AttachUserPolicy', UserName: 'alice', PolicyArn: denyArn });
    expect(store.cachesTrusted()).toBe(false);
    expect(code((await call(b, alice, { Action: 'GetUser' })).body)).toBe('AccessDenied');
    expect(store.cachesTrusted()).toBe(false); // still deaf: the answer came from the database, not a cache

    await until(() => store.cachesTrusted(), 15_000);
    expect(store.listenerBackendPid).not.toBe(pid);
    await ok(a, ADMIN, { Action: 'DetachUserPolicy', UserName: 'alice', PolicyArn: denyArn });
    await until(async () => (await call(b, alice, { Action: 'GetUser' })).status === 200, LIMIT_MS);
  }, 30_000);

  it('shares sessions: issued through A, accepted by B, and refused by B as soon as A deleted it', async () => {
    const issued = await call(a, alice, { Action: 'GetSessionToken' }, 'sts');
    expect(issued.status, issued.body).toBe(200);
    const xml = issued.body;
    const session = {
      accessKeyId: /<AccessKeyId>([^<]+)</.exec(xml)![1],
      secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(xml)![1],
      sessionToken: /<SessionToken>([^<]+)</.exec(xml)![1],
    };
    expect((await call(b, session, { Action: 'GetCallerIdentity' }, 'sts')).status).toBe(200);
    await a.store.sessions.delete(session.accessKeyId);
    expect(code((await call(b, session, { Action: 'GetCallerIdentity' }, 'sts')).body)).toBe('InvalidClientTokenId');
  });

  it('shares sign-in throttling: concurrent failures through both instances are all counted', async () => {
    const limiters = [new SignInLimiter(a.store), new SignInLimiter(b.store)];
    const key = { identity: 'user:123456789012:alice', address: '192.0.2.77' };
    const now = new Date();
    await Promise.all(Array.from({ length: 10 }, (_, i) => limiters[i % 2].recordFailure(key, now)));
    expect((await b.store.signInAttempts.get(`${key.identity}@${key.address}`))?.failures).toBe(10);
    expect((await b.store.signInAttempts.get(`ip:${key.address}`))?.failures).toBe(10);
    expect(await limiters[1].retryAfterSeconds(key, now)).toBeGreaterThan(0);
    expect(await limiters[0].retryAfterSeconds(key, now)).toBe(await limiters[1].retryAfterSeconds(key, now));
  });

  it('shares sign-in reservations: of 30 attempts at once through both instances, 5 are let through to be checked', async () => {
    const limiters = [new SignInLimiter(a.store), new SignInLimiter(b.store)];
    const key = { identity: 'user:123456789012:bob', address: '192.0.2.78' };
    const now = new Date();
    const waits = await Promise.all(Array.from({ length: 30 }, (_, i) => limiters[i % 2].reserve(key, now)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    expect((await a.store.signInAttempts.get(`${key.identity}@${key.address}`))?.failures).toBe(5);
  });

  it('shares the audit trail and last-accessed data: a request through A is seen by B', async () => {
    const before = await b.store.audit.count();
    expect((await call(a, alice, { Action: 'GetUser' })).status).toBe(200);
    await until(async () => (await b.store.audit.count()) > before, 2000);
    const access = await b.store.audit.listServiceAccess([`arn:aws:iam::${ACCOUNT}:user/alice`]);
    expect(access.map((record) => record.serviceNamespace)).toContain('iam');
  });

  it('resets through one instance for all: the other refuses the old keys at once', async () => {
    expect((await call(b, alice, { Action: 'GetUser' })).status).toBe(200);
    const reset = await a.handler({
      method: 'POST',
      path: '/_gatehouse/reset',
      query: '',
      headers: { host: '127.0.0.1' },
      body: '',
      rawBody: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
      secure: false,
    });
    expect(reset.status).toBe(200);
    await until(async () => code((await call(b, alice, { Action: 'GetUser' })).body) === 'InvalidClientTokenId', LIMIT_MS);
    expect((await call(b, ADMIN, { Action: 'GetUser' })).status).toBe(200);
    expect(code((await call(b, ADMIN, { Action: 'GetUser', UserName: 'alice' })).body)).toBe('NoSuchEntity');
  });
});

describe('GATEHOUSE_DATABASE_URL', () => {
  it('selects PostgreSQL only for a postgres:// URL', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ GATEHOUSE_DATABASE_URL: ' ' }).databaseUrl).toBeUndefined();
    expect(loadConfig({ GATEHOUSE_DATABASE_URL: 'postgresql://u@h:5432/db' }).databaseUrl).toBe('postgresql://u@h:5432/db');
    expect(() => loadConfig({ GATEHOUSE_DATABASE_URL: 'mysql://u@h/db' })).toThrow(/postgres:\/\/ or postgresql:\/\//);
  });
});
