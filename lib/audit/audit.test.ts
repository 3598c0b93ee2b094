// The audit trail in isolation: redaction of secrets, CloudTrail event shape, batched writes, retention pruning
// by age and by count, and the repository's outcome and principal filters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../core/context';
import type { AuditRecord } from '../core/pipeline';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/store';
import { auditEventOf, isoTime } from './event';
import { serviceAccessOf } from './last-accessed';
import { REDACTED, redactForAudit } from './redact';
import { createAuditSink } from './sink';
import { AuditWriter } from './writer';
import type { ServiceConfig } from '../config';

const ACCOUNT = '123456789012';
let dir: string;
let store: SqliteStore;

const bob: Principal = {
  type: 'IAMUser',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
  principalId: 'AIDABOB',
  userId: 'AIDABOB',
  userName: 'bob',
  accessKeyId: 'AKIABOB',
};
const session: Principal = {
  type: 'AssumedRole',
  accountId: ACCOUNT,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ops/s1`,
  principalId: 'AROAOPS:s1',
  roleId: 'AROAOPS',
  roleName: 'ops',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/team/ops`,
  accessKeyId: 'ASIAOPS',
  temporary: true,
  mfaAuthenticated: false,
  tokenIssueTime: new Date('2026-06-01T09:00:00Z'),
};

function record(action: string, extra: Partial<AuditRecord> = {}, now = new Date('2026-06-01T10:00:00.123Z')): AuditRecord {
  return {
    info: {
      request: {
        method: 'POST',
        path: '/',
        query: '',
        headers: { 'user-agent': 'aws-cli/2' },
        body: '',
        sourceIp: '198.51.100.7',
        secure: true,
      },
      params: new Map(),
      service: 'iam',
      action,
      requestId: 'req-1',
      now,
    },
    principal: bob,
    status: 200,
    ...extra,
  };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h4b-audit-'));
  store = openSqliteStore(dir);
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('redaction', () => {
  it('hides passwords, secret keys, private keys, MFA codes and seeds, tokens — at any depth — and camelCases keys', () => {
    expect(
      redactForAudit({
        UserName: 'bob',
        Password: 'p',
        NewPassword: 'n',
        OldPassword: 'o',
        AuthenticationCode1: '123456',
        AuthenticationCode2: '654321',
        PrivateKey: '-----BEGIN',
        AccessKey: { AccessKeyId: 'AKIA', SecretAccessKey: 's' },
        Credentials: { SessionToken: 't', SecretAccessKey: 's', Expiration: new Date('2026-01-01T00:00:00Z') },
        VirtualMFADevice: { Base32StringSeed: new Uint8Array([1]), QRCodePNG: new Uint8Array([2]), SerialNumber: 'arn' },
        ServiceSpecificCredential: { ServicePassword: 'x' },
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    ).toEqual({
      userName: 'bob',
      password: REDACTED,
      newPassword: REDACTED,
      oldPassword: REDACTED,
      authenticationCode1: REDACTED,
      authenticationCode2: REDACTED,
      privateKey: REDACTED,
      accessKey: { accessKeyId: 'AKIA', secretAccessKey: REDACTED },
      credentials: { sessionToken: REDACTED, secretAccessKey: REDACTED, expiration: '2026-01-01T00:00:00.000Z' },
      virtualMFADevice: { base32StringSeed: REDACTED, qRCodePNG: REDACTED, serialNumber: 'arn' },
      serviceSpecificCredential: { servicePassword: REDACTED },
      tags: [{ key: 'k', value: 'v' }],
    });
  });
});

describe('events', () => {
  it('shapes a call as CloudTrail does', () => {
    const { event, row } = auditEventOf(
      record('CreateUser', { input: { UserName: 'carol' }, output: { User: { UserName: 'carol' } } }),
      'us-east-1',
    );
    expect(event).toMatchObject({
      eventVersion: '1.08',
      eventTime: '2026-06-01T10:00:00Z',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.7',
      userAgent: 'aws-cli/2',
      userIdentity: { type: 'IAMUser', principalId: 'AIDABOB', arn: bob.arn, accountId: ACCOUNT, accessKeyId: 'AKIABOB', userName: 'bob' },
      requestParameters: { userName: 'carol' },
      responseElements: { user: { userName: 'carol' } },
      requestID: 'req-1',
      readOnly: false,
      eventType: 'AwsApiCall',
    });
    expect(row).toMatchObject({
      eventName: 'CreateUser',
      principalArn: bob.arn,
      accessKeyId: 'AKIABOB',
      eventTime: '2026-06-01T10:00:00.123Z',
    });
  });

  it('describes a role session with its issuer, and leaves read-only responses out', () => {
    const { event } = auditEventOf(record('ListUsers', { principal: session, output: { Users: [] } }), 'us-east-1');
    expect(event.userIdentity).toEqual({
      type: 'AssumedRole',
      principalId: 'AROAOPS:s1',
      arn: session.arn,
      accountId: ACCOUNT,
      accessKeyId: 'ASIAOPS',
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: 'AROAOPS', arn: session.roleArn, accountId: ACCOUNT, userName: 'ops' },
        attributes: { creationDate: '2026-06-01T09:00:00.000Z', mfaAuthenticated: 'false' },
      },
    });
    expect(event.readOnly).toBe(true);
    expect(event.responseElements).toBeNull();
    expect(event.requestParameters).toBeNull();
  });

  it('formats each time as toISOString does, whether or not it repeats the millisecond before', () => {
    const times = [
      '2026-06-01T10:00:00.123Z',
      '2026-06-01T10:00:00.123Z',
      '2026-06-01T10:00:00.124Z',
      '2026-06-01T10:00:00.123Z',
      '1999-12-31T23:59:59.999Z',
      '+010000-01-01T00:00:00.000Z',
    ].map((iso) => new Date(iso));
    for (const now of times) {
      const base = record('GetUser');
      const { event, row } = auditEventOf({ ...base, info: { ...base.info, now } }, 'us-east-1');
      expect(row.eventTime).toBe(now.toISOString());
      expect(event.eventTime).toBe(now.toISOString().replace(/\.\d{3}Z$/, 'Z'));
      expect(isoTime(now)).toBe(now.toISOString());
      expect(serviceAccessOf({ ...base, info: { ...base.info, now } }, 'us-east-1')?.[0].lastAccessed).toBe(now.toISOString());
    }
    // An invalid date is refused as toISOString refuses it, however often it comes.
    for (let i = 0; i < 2; i++) expect(() => isoTime(new Date(NaN))).toThrow(RangeError);
  });

  it('records the error of a failed call', () => {
    const { event, row } = auditEventOf(record('DeleteUser', { error: { code: 'AccessDenied', message: 'no' }, status: 403 }), 'us-east-1');
    expect(event).toMatchObject({ errorCode: 'AccessDenied', errorMessage: 'no', responseElements: null });
    expect(row.errorCode).toBe('AccessDenied');
  });
});

describe('sink and writer', () => {
  it('buffers events and writes them in one batch on flush, with the caller’s service use', async () => {
    const sink = createAuditSink({ store, config: { region: 'us-east-1', auditRetentionDays: 90 } as ServiceConfig });
    // Recent events (older ones would be pruned by the 90-day retention at the first flush).
    sink.record(record('GetUser', {}, new Date()));
    sink.record(record('ListRoles', { principal: session }, new Date()));
    expect(await store.audit.count()).toBe(0);
    expect(sink.pending).toBe(2);
    await sink.flush();
    expect(await store.audit.count()).toBe(2);
    expect((await store.audit.listServiceAccess([bob.arn, session.roleArn!])).map((r) => [r.principalArn, r.serviceNamespace])).toEqual(
      expect.arrayContaining([
        [bob.arn, 'iam'],
        [session.roleArn, 'iam'],
      ]),
    );
    await sink.close();
  });

  it('writes by itself within the flush interval, without a flush', async () => {
    const sink = createAuditSink(
      { store, config: { region: 'us-east-1', auditRetentionDays: 90 } as ServiceConfig },
      { flushIntervalMs: 10 },
    );
    sink.record(record('GetUser', {}, new Date()));
    await vi.waitFor(async () => expect(await store.audit.count()).toBe(1), { timeout: 10_000, interval: 20 });
    await sink.close();
  });

  it('a flush called while an earlier batch is still being written resolves only after that batch is written', async () => {
    const written: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A repository whose first write is slow, as a PostgreSQL round trip is.
    const repository = {
      ...store.audit,
      write: async (events: { eventName: string }[]) => {
        if (written.length === 0) await gate;
        written.push(events.map((e) => e.eventName));
      },
      pruneOlderThan: async () => undefined,
      pruneToCount: async () => undefined,
    } as unknown as typeof store.audit;
    const writer = new AuditWriter(() => repository, { retentionDays: 30 });
    writer.enqueue(auditEventOf(record('GetUser'), 'us-east-1').row);
    const first = writer.flush(); // The timer's flush: its batch is now being written.
    writer.enqueue(auditEventOf(record('ListUsers'), 'us-east-1').row);
    let readerDone = false;
    const reader = writer.flush().then(() => (readerDone = true)); // The audit route's flush before it reads.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(readerDone).toBe(false);
    release();
    await Promise.all([first, reader]);
    expect(written).toEqual([['GetUser'], ['ListUsers']]);
  });

  it('prunes events past the retention period and beyond the maximum count', async () => {
    let now = new Date('2026-06-01T00:00:00Z');
    const writer = new AuditWriter(() => store.audit, { retentionDays: 30, maxEvents: 5, pruneIntervalMs: 0, clock: () => now });
    const old = auditEventOf(record('GetUser', {}, new Date('2026-04-01T00:00:00Z')), 'us-east-1').row;
    writer.enqueue(old);
    await writer.flush();
    expect(await store.audit.count()).toBe(0);
    for (let i = 0; i < 8; i++) writer.enqueue(auditEventOf(record(`Op${i}`, {}, new Date(now.getTime() - 1000 + i)), 'us-east-1').row);
    await writer.flush();
    expect(await store.audit.count()).toBe(5);
    const page = await store.audit.query({ limit: 10 });
    expect(page.events.map((e) => JSON.parse(e).eventName)).toEqual(['Op7', 'Op6', 'Op5', 'Op4', 'Op3']);
    now = new Date('2026-08-01T00:00:00Z');
    await writer.flush();
    expect(await store.audit.count()).toBe(0);
  });
});

describe('queries', () => {
  it('filters by outcome and matches a role’s sessions by the role ARN', async () => {
    const rows = [
      record('GetUser'),
      record('DeleteUser', { error: { code: 'AccessDenied', message: 'x' }, status: 403 }),
      record('GetRole', { error: { code: 'NoSuchEntity', message: 'x' }, status: 404 }),
      record('ListRoles', { principal: session }),
    ].map((r) => auditEventOf(r, 'us-east-1').row);
    await store.audit.insertMany(rows);
    const names = async (q: Parameters<typeof store.audit.query>[0]) =>
      (await store.audit.query(q)).events.map((e) => JSON.parse(e).eventName);
    expect(await names({ limit: 10, outcome: 'success' })).toEqual(['ListRoles', 'GetUser']);
    expect(await names({ limit: 10, outcome: 'denied' })).toEqual(['DeleteUser']);
    expect(await names({ limit: 10, outcome: 'error' })).toEqual(['GetRole']);
    expect(await names({ limit: 10, principalArn: `arn:aws:iam::${ACCOUNT}:role/team/ops` })).toEqual(['ListRoles']);
    expect(await names({ limit: 10, principalArn: bob.arn, eventName: 'GetUser' })).toEqual(['GetUser']);
    const first = await store.audit.query({ limit: 3 });
    expect(first.nextSeq).toBeDefined();
    expect((await store.audit.query({ limit: 3, beforeSeq: first.nextSeq })).events).toHaveLength(1);
  });
});
