// The audit worker (SQLite): events built and written by another thread into audit.db, the same events the main
// thread would build, flush/close semantics, a worker that dies restarted without losing or doubling an event, a locked
// audit.db (waited out, and no obstacle to close()), retention pruning in the worker, and data directories of older
// versions whose audit tables were in gatehouse.db.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { threadId } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { queryCommitted } from '../store/sqlite/committed.fixtures';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../core/context';
import type { AuditRecord } from '../core/pipeline';
import { openDatabase } from '../store/sqlite/database';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/store';
import { auditEventOf } from './event';
import { AuditWorkerWriter } from './worker-writer';

const ACCOUNT = '123456789012';
let dir: string;
let store: SqliteStore;
const writers: AuditWorkerWriter[] = [];

const alice: Principal = {
  type: 'IAMUser',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  principalId: 'AIDAALICE',
  userId: 'AIDAALICE',
  userName: 'alice',
  accessKeyId: 'AKIAALICE',
};
const session: Principal = {
  type: 'AssumedRole',
  accountId: ACCOUNT,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ops/s1`,
  principalId: 'AROAOPS:s1',
  roleId: 'AROAOPS',
  roleName: 'ops',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/ops`,
  accessKeyId: 'ASIAOPS',
  temporary: true,
  mfaAuthenticated: true,
  tokenIssueTime: new Date('2026-06-01T09:00:00Z'),
  sourceIdentity: 'carol',
  sessionPolicies: ['{"Version":"2012-10-17","Statement":[]}'],
};

function record(requestId: string, extra: Partial<AuditRecord> = {}): AuditRecord {
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
      action: 'CreateUser',
      requestId,
      now: new Date(),
    },
    principal: alice,
    input: { UserName: 'bob', Tags: [{ Key: 'team', Value: 'blue' }] },
    output: { User: { UserName: 'bob', CreateDate: new Date('2026-06-01T10:00:00Z') } },
    status: 200,
    ...extra,
  };
}

function writer(options: Partial<ConstructorParameters<typeof AuditWorkerWriter>[0]> = {}): AuditWorkerWriter {
  const created = new AuditWorkerWriter({ dataDir: dir, region: 'us-east-1', retentionDays: 90, ...options });
  writers.push(created);
  return created;
}

async function requestIds(): Promise<string[]> {
  const ids: string[] = [];
  let beforeSeq: number | undefined;
  do {
    const page = await store.audit.query({ limit: 1000, beforeSeq });
    ids.push(...page.events.map((e) => JSON.parse(e).requestID as string));
    beforeSeq = page.nextSeq;
  } while (beforeSeq !== undefined);
  return ids;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-audit-worker-'));
  store = openSqliteStore(dir);
});

afterEach(async () => {
  for (const w of writers.splice(0)) await w.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('audit worker', () => {
  it('runs in its own thread and writes the very events auditEventOf builds, into audit.db', async () => {
    const w = writer();
    const records = [
      record('r-user'),
      record('r-session', { principal: session, info: { ...record('x').info, requestId: 'r-session', action: 'GetRole' } }),
      record('r-denied', { error: { code: 'AccessDenied', message: 'no' }, status: 403 }),
      record('r-anonymous', {
        principal: undefined,
        info: {
          ...record('x').info,
          requestId: 'r-anonymous',
          request: {
            ...record('x').info.request,
            headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAWHO/20260601/us-east-1/iam/aws4_request' },
          },
        },
        error: { code: 'InvalidClientTokenId', message: 'bad key' },
      }),
      record('r-secret', { input: { UserName: 'bob', Password: 'Very-Secret-1' } }),
    ];
    for (const r of records) w.enqueue(r);
    await w.flush();
    await expect.poll(() => w.threadId).toBeDefined();
    expect(w.threadId).not.toBe(threadId);
    const stored = new Map((await store.audit.query({ limit: 10 })).events.map((e) => [JSON.parse(e).requestID as string, JSON.parse(e)]));
    for (const r of records) {
      const expected = auditEventOf(r, 'us-east-1').event;
      expect({ ...stored.get(r.info.requestId), eventID: undefined }).toEqual(
        JSON.parse(JSON.stringify({ ...expected, eventID: undefined })),
      );
    }
    expect(stored.get('r-secret').requestParameters.password).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
    expect(stored.get('r-anonymous').userIdentity).toEqual({ type: 'Unknown', accessKeyId: 'AKIAWHO' });
    // Last-accessed data: the user, the session's role; IAM's actions one by one.
    const access = await store.audit.listServiceAccess([alice.arn, session.roleArn!]);
    expect(access.map((a) => a.principalArn).sort()).toEqual([alice.arn, session.roleArn].sort());
    expect((await store.audit.listActionAccess([session.roleArn!], 'iam')).map((a) => a.actionName)).toEqual(['GetRole']);
    // Nothing of the trail is left in the main database.
    expect(queryCommitted(dir, "SELECT name FROM sqlite_master WHERE name LIKE '%audit%' OR name LIKE '%last_accessed%'")).toEqual([]);
  });

  // Linux only (/proc): how `top -H`, `ps -L` and bench/lib/server.ts tell the audit worker's CPU time apart.
  it.runIf(fs.existsSync('/proc/thread-self/comm'))('names its thread gatehouse-audit', async () => {
    const names = () =>
      fs.readdirSync('/proc/self/task').map((tid) => {
        try {
          return fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
        } catch {
          return '';
        }
      });
    const before = names().filter((name) => name === 'gatehouse-audit').length;
    const w = writer();
    w.enqueue(record('r-named'));
    await w.flush();
    expect(names().filter((name) => name === 'gatehouse-audit')).toHaveLength(before + 1);
  });

  it('rehearses what it is given to (the warm-up): the worker builds and writes those events, then keeps none of them', async () => {
    const w = writer();
    w.enqueue(record('real-before'));
    // 300 rehearsed: a full batch (256) posted at once, the rest after the flush interval.
    for (let i = 0; i < 300; i++) {
      w.rehearse(
        record(`rehearsal-${i}`, { principal: session, info: { ...record('x').info, requestId: `rehearsal-${i}`, action: 'GetRole' } }),
      );
    }
    w.enqueue(record('real-after'));
    await expect.poll(() => w.rehearsedEvents, { timeout: 10_000 }).toBe(300);
    expect(w.pending).toBeLessThanOrEqual(2); // Rehearsals are never held nor waited for.
    await w.flush();
    expect((await requestIds()).sort()).toEqual(['real-after', 'real-before']);
    // Neither the events nor the last-accessed data of the rehearsed calls (the session's role) are kept.
    expect(await store.audit.listServiceAccess([session.roleArn!])).toEqual([]);
    expect(await store.audit.listActionAccess([session.roleArn!], 'iam')).toEqual([]);
    expect((await store.audit.listServiceAccess([alice.arn])).map((a) => a.principalArn)).toEqual([alice.arn]);
    // The trail goes on as before: a restarted writer (same audit.db) writes its batches.
    await w.close();
    const next = writer();
    next.enqueue(record('next-writer'));
    await next.flush();
    expect((await requestIds()).sort()).toEqual(['next-writer', 'real-after', 'real-before']);
  });

  it('flush() resolves once everything recorded before it is committed; close() drains the rest', async () => {
    const w = writer({ flushIntervalMs: 10_000 });
    for (let i = 0; i < 1000; i++) w.enqueue(record(`a-${i}`));
    expect(w.pending).toBe(1000);
    await w.flush();
    expect(w.pending).toBe(0);
    expect(await store.audit.count()).toBe(1000);
    for (let i = 0; i < 300; i++) w.enqueue(record(`b-${i}`));
    await w.close();
    expect(await store.audit.count()).toBe(1300);
    w.enqueue(record('after-close'));
    expect(w.pending).toBe(0);
  });

  it('a value structured clone refuses (a function in an output) still gives its event', async () => {
    const w = writer();
    w.enqueue(record('r-function', { output: { User: { UserName: 'bob', toJSON: undefined, helper: () => 1 } } }));
    await w.flush();
    const [event] = (await store.audit.query({ limit: 1 })).events.map((e) => JSON.parse(e));
    expect(event.responseElements).toEqual({ user: { userName: 'bob' } });
  });

  it('a worker that dies is reported and restarted; no event is lost or written twice', async () => {
    const messages: string[] = [];
    const w = writer({ log: (message) => messages.push(message) });
    const expected: string[] = [];
    for (let round = 0; round < 6; round++) {
      // Running again, with what the last one held written.
      await expect.poll(() => w.threadId !== undefined && w.pending === 0, { timeout: 10_000 }).toBe(true);
      for (let i = 0; i < 200; i++) {
        w.enqueue(record(`c-${round}-${i}`));
        expected.push(`c-${round}-${i}`);
      }
      // Killed while its batches are in flight: some committed, some not yet, maybe one committed and not acknowledged.
      await new Promise((resolve) => setTimeout(resolve, round));
      await w.thread!.terminate();
      for (let i = 0; i < 50; i++) {
        w.enqueue(record(`d-${round}-${i}`));
        expected.push(`d-${round}-${i}`);
      }
    }
    await w.flush();
    const ids = await requestIds();
    expect(ids.length).toBe(expected.length);
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(messages.filter((m) => m.includes('the audit worker stopped')).length).toBe(6);
  });

  it('a worker that cannot open audit.db is reported again and again, holds the events, and close() says what it lost', async () => {
    const messages: string[] = [];
    const notADirectory = path.join(dir, 'file');
    fs.writeFileSync(notADirectory, '');
    const w = writer({ dataDir: notADirectory, log: (message) => messages.push(message), closeTimeoutMs: 500 });
    w.enqueue(record('held'));
    await expect
      .poll(() => messages.filter((m) => m.includes('the audit worker stopped')).length, { timeout: 5000 })
      .toBeGreaterThanOrEqual(2);
    expect(messages[0]).toMatch(/the audit worker stopped \(.+\); \d audit events are held/);
    expect(w.pending).toBe(1);
    await w.flush(); // A reader is answered (after closeTimeoutMs) rather than kept waiting.
    expect(messages.at(-1)).toBe('[gatehouse] audit worker: 1 audit events are not written yet; reading the trail without them');
    await w.close();
    expect(messages.at(-1)).toBe('[gatehouse] audit worker: 1 audit events were not written before shutdown');
  });

  it('holds at most maxPending events the worker has not acknowledged: beyond, events are dropped and said on stderr', async () => {
    const messages: string[] = [];
    const w = writer({ maxPending: 5, maxBuffered: 2, log: (message) => messages.push(message) });
    // One synchronous burst: no acknowledgement can arrive before it ends, whatever the worker's state.
    for (let i = 0; i < 8; i++) w.enqueue(record(`r-burst-${i}`));
    expect(w.pending).toBe(5);
    expect(messages).toEqual(['[gatehouse] 5 audit events wait for the audit worker (stopped, or behind): 1 audit events were dropped']);
    await w.flush();
    expect((await requestIds()).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `r-burst-${i}`));
    // Acknowledged, the room is back.
    w.enqueue(record('r-after'));
    await w.flush();
    expect(await requestIds()).toContain('r-after');
  });

  it('a batch first in line when a running worker died three times is dropped, loudly, and the trail goes on', async () => {
    const messages: string[] = [];
    const w = writer({ log: (message) => messages.push(message) });
    await expect.poll(() => w.threadId !== undefined, { timeout: 10_000 }).toBe(true);
    // Another connection holds audit.db: the batch stays first in line, unacknowledged, while its worker is stopped.
    const lock = new Database(path.join(dir, 'audit.db'));
    lock.exec('BEGIN IMMEDIATE');
    try {
      w.enqueue(record('stuck'));
      for (let crash = 1; crash <= 3; crash++) {
        await expect.poll(() => w.threadId !== undefined, { timeout: 10_000 }).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 50)); // posted, and tried against the lock
        expect(w.pending).toBe(1);
        await w.thread!.terminate();
      }
      await expect.poll(() => w.pending, { timeout: 5000 }).toBe(0);
      expect(messages.at(-1)).toBe('[gatehouse] 1 audit events were dropped: the audit worker stopped on them 3 times');
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    w.enqueue(record('after'));
    await w.flush();
    expect(await requestIds()).toEqual(['after']);
  });

  it('a batch that finds audit.db locked waits past any busy timeout and is written once the lock is gone', async () => {
    const w = writer();
    await expect.poll(() => w.threadId !== undefined, { timeout: 10_000 }).toBe(true);
    const lock = new Database(path.join(dir, 'audit.db'));
    lock.exec('BEGIN IMMEDIATE');
    w.enqueue(record('waits-1'));
    w.enqueue(record('waits-2'));
    let flushed = false;
    const flushing = w.flush().then(() => (flushed = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(flushed).toBe(false);
    expect(w.pending).toBe(2);
    lock.exec('ROLLBACK');
    lock.close();
    await flushing;
    expect((await requestIds()).sort()).toEqual(['waits-1', 'waits-2']);
  });

  it('prunes past retention and beyond the maximum count in the worker', async () => {
    const w = writer({ maxEvents: 5, pruneIntervalMs: 0 });
    const old = new Date(Date.now() - 200 * 86_400_000);
    w.enqueue(record('old', { info: { ...record('x').info, requestId: 'old', now: old } }));
    await w.flush();
    w.enqueue(record('trigger'));
    await w.flush();
    await expect.poll(async () => (await requestIds()).includes('old'), { timeout: 5000 }).toBe(false);
    for (let i = 0; i < 8; i++) w.enqueue(record(`n-${i}`));
    await w.flush();
    w.enqueue(record('last'));
    await w.flush();
    await expect.poll(() => store.audit.count(), { timeout: 5000 }).toBe(5);
    expect((await requestIds())[0]).toBe('last');
  });

  it('wipe empties the trail in audit.db', async () => {
    const w = writer();
    w.enqueue(record('before-wipe'));
    await w.flush();
    await store.wipe();
    expect(await store.audit.count()).toBe(0);
    expect(await store.audit.listServiceAccess([alice.arn])).toEqual([]);
    w.enqueue(record('after-wipe'));
    await w.flush();
    expect(await requestIds()).toEqual(['after-wipe']);
  });
});

describe('data directories of earlier versions', () => {
  /** A data directory as earlier versions left it: the audit tables in gatehouse.db, with rows. */
  function legacyDataDir(): string {
    const legacy = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-audit-legacy-'));
    const db = openDatabase(legacy);
    const insert = db.prepare(
      `INSERT INTO audit_events (seq, event_id, event_time, event_source, event_name, principal_arn, event) VALUES (?, ?, ?, 'iam.amazonaws.com', 'GetUser', ?, ?)`,
    );
    for (let i = 1; i <= 30; i++)
      insert.run(
        i * 2,
        `e-${i}`,
        `2026-06-01T10:00:${String(i).padStart(2, '0')}.000Z`,
        alice.arn,
        JSON.stringify({ requestID: `old-${i}` }),
      );
    db.prepare(
      `INSERT INTO service_last_accessed (principal_arn, service_namespace, last_accessed) VALUES (?, 'iam', '2026-06-01T10:00:30.000Z')`,
    ).run(alice.arn);
    db.prepare(
      `INSERT INTO action_last_accessed (principal_arn, service_namespace, action_name, last_accessed) VALUES (?, 'iam', 'GetUser', '2026-06-01T10:00:30.000Z')`,
    ).run(alice.arn);
    db.close();
    return legacy;
  }

  it('moves the events (sequence numbers kept, so page tokens still work) and last-accessed rows into audit.db', async () => {
    const legacy = legacyDataDir();
    try {
      const opened = openSqliteStore(legacy);
      const first = await opened.audit.query({ limit: 10 });
      expect(first.events.map((e) => JSON.parse(e).requestID)[0]).toBe('old-30');
      expect(first.nextSeq).toBe(42);
      expect(await opened.audit.count()).toBe(30);
      expect((await opened.audit.listServiceAccess([alice.arn]))[0].lastAccessed).toBe('2026-06-01T10:00:30.000Z');
      expect((await opened.audit.listActionAccess([alice.arn], 'iam'))[0].actionName).toBe('GetUser');
      expect(opened.db.prepare("SELECT name FROM sqlite_master WHERE name = 'audit_events'").all()).toEqual([]);
      await opened.close();
      // Opened again: nothing moved twice.
      const again = openSqliteStore(legacy);
      expect(await again.audit.count()).toBe(30);
      await again.close();
    } finally {
      fs.rmSync(legacy, { recursive: true, force: true });
    }
  });

  it('a move cut short after the copy (a crash before the drop) is completed at the next open without duplicates', async () => {
    const legacy = legacyDataDir();
    try {
      // The copy committed in audit.db, the drop in gatehouse.db not: what a crash between the two leaves.
      const moved = openSqliteStore(legacy);
      await moved.close();
      const stale = new Database(path.join(legacy, 'gatehouse.db'));
      stale.exec(
        `CREATE TABLE audit_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, event_time TEXT NOT NULL, event_source TEXT NOT NULL, event_name TEXT NOT NULL, principal_arn TEXT, access_key_id TEXT, error_code TEXT, source_ip TEXT, event TEXT NOT NULL)`,
      );
      const copy = stale.prepare(
        `INSERT INTO audit_events (seq, event_id, event_time, event_source, event_name, principal_arn, event) VALUES (?, ?, '2026-06-01T10:00:00.000Z', 'iam.amazonaws.com', 'GetUser', ?, ?)`,
      );
      for (let i = 1; i <= 30; i++) copy.run(i * 2, `e-${i}`, alice.arn, JSON.stringify({ requestID: `old-${i}` }));
      stale.close();
      const completed = openSqliteStore(legacy);
      expect(await completed.audit.count()).toBe(30);
      expect(completed.db.prepare("SELECT name FROM sqlite_master WHERE name = 'audit_events'").all()).toEqual([]);
      await completed.close();
    } finally {
      fs.rmSync(legacy, { recursive: true, force: true });
    }
  });
});

describe('a process whose last work is close()', () => {
  it("stays alive until the worker has written every event (the worker is unref'd only while nobody waits for it)", async () => {
    // Nothing else keeps this child's event loop going: before the fix it exited while close() waited, with the
    // events unwritten and exit code 0.
    const script = path.join(dir, 'last-close.mts');
    fs.writeFileSync(
      script,
      `import { AuditWorkerWriter } from ${JSON.stringify(path.join(import.meta.dirname, 'worker-writer.ts'))};
const w = new AuditWorkerWriter({ dataDir: ${JSON.stringify(dir)}, region: 'us-east-1', retentionDays: 90 });
const principal = { type: 'IAMUser', accountId: '${ACCOUNT}', arn: 'arn:aws:iam::${ACCOUNT}:user/alice', principalId: 'AIDAALICE', userName: 'alice' };
for (let i = 0; i < 50; i++) {
  const request = { method: 'POST', path: '/', query: '', headers: {}, body: '', sourceIp: '198.51.100.7', secure: true };
  w.enqueue({ info: { request, params: new Map(), service: 'iam', action: 'CreateUser', requestId: 'last-' + i, now: new Date() }, principal, input: { UserName: 'u' + i }, output: { User: { UserName: 'u' + i } }, status: 200 });
}
await w.close();
console.log('closed');
`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: path.join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(child.stdout).toContain('closed');
    expect(child.status).toBe(0);
    const ids = await requestIds();
    expect(ids.filter((id) => id.startsWith('last-')).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `last-${i}`).sort());
  });
});

describe('audit.db locked by another connection', () => {
  /** Runs `body` (TypeScript, with `w` a writer on `dir` whose log goes to stdout) in a child process. */
  function inChild(body: string, options: string): ReturnType<typeof spawnSync> & { stdout: string; stderr: string } {
    const script = path.join(dir, `locked-${Math.random().toString(36).slice(2)}.mts`);
    fs.writeFileSync(
      script,
      `import { createRequire } from 'node:module';
import { AuditWorkerWriter } from ${JSON.stringify(path.join(import.meta.dirname, 'worker-writer.ts'))};
const w = new AuditWorkerWriter({ dataDir: ${JSON.stringify(dir)}, region: 'us-east-1', retentionDays: 90, log: (m) => console.log(m), ${options} });
const principal = { type: 'IAMUser', accountId: '${ACCOUNT}', arn: 'arn:aws:iam::${ACCOUNT}:user/alice', principalId: 'AIDAALICE', userName: 'alice' };
const request = { method: 'POST', path: '/', query: '', headers: {}, body: '', sourceIp: '198.51.100.7', secure: true };
const record = (id) => ({ info: { request, params: new Map(), service: 'iam', action: 'CreateUser', requestId: id, now: new Date() }, principal, input: { UserName: id }, output: { User: { UserName: id } }, status: 200 });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const Database = createRequire(${JSON.stringify(import.meta.filename)})('better-sqlite3');
const lock = new Database(${JSON.stringify(path.join(dir, 'audit.db'))});
${body}
`,
    );
    return spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: path.join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 60_000,
    }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
  }

  it('close() that times out while the worker waits for the lock stops the worker cleanly and says what it lost', () => {
    // Before: close() terminated the worker while better-sqlite3 waited out busy_timeout, and the SQLITE_BUSY it then
    // raised in a terminating isolate was a V8 fatal error that killed the whole process.
    const child = inChild(
      `while (w.threadId === undefined) await sleep(10);
lock.exec('BEGIN IMMEDIATE');
w.enqueue(record('locked-out'));
await sleep(100);
await w.close();
lock.exec('ROLLBACK');
console.log('closed');`,
      'closeTimeoutMs: 500',
    );
    expect(child.stderr).not.toMatch(/FATAL|Fatal error/);
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('[gatehouse] audit worker: 1 audit events were not written before shutdown');
    expect(child.stdout).toContain('closed');
  });
});
