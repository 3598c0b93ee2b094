// What the audit trail promises across a crash, checked on the standalone server (as `npm run iam` runs it).
// SQLite: a worker thread writes the trail into audit.db, one transaction per batch, each batch posted at most
// ~25 ms after its requests (lib/audit/worker-writer.ts); PostgreSQL: the instance writes it into the shared
// database every ~50 ms (lib/audit/writer.ts). Events are written behind the answers. SIGTERM/SIGINT drain what is
// buffered before exiting, so they lose nothing; a SIGKILL loses at most the events not yet committed: those of
// the requests answered in the last moments before it. So once the server has been quiet for a while, or once a
// read of the trail (which waits for everything before it to be committed) has been answered, a SIGKILL loses none.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateUserCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { adminClient, exited, StandaloneServers } from './standalone';
import { ADMIN_CREDENTIALS, auditRoute } from './harness';
import { onPostgres, queryTestDatabase } from '../support/test-store';

const servers = new StandaloneServers();

/** Sends reads and writes from four callers; returns the request ids of the answered calls. */
async function traffic(endpoint: string, prefix: string): Promise<string[]> {
  const iam = adminClient(endpoint);
  const ids: string[] = [];
  await Promise.all(
    [0, 1, 2, 3].map(async (w) => {
      for (let i = 0; i < 40; i++) {
        const created = await iam.send(new CreateUserCommand({ UserName: `${prefix}-${w}-${i}` }));
        const read = await iam.send(new GetUserCommand({ UserName: `${prefix}-${w}-${i}` }));
        ids.push(created.$metadata.requestId!, read.$metadata.requestId!);
      }
    }),
  );
  iam.destroy();
  return ids;
}

/** The request ids recorded in the data directory's (or, on PostgreSQL, its database's) audit trail, read after the server is gone. */
async function recordedRequestIds(dataDir: string): Promise<Set<string>> {
  const databaseUrl = await servers.databaseUrl(dataDir);
  if (databaseUrl) {
    const rows = await queryTestDatabase<{ id: string }>(databaseUrl, "SELECT event::json->>'requestID' AS id FROM audit_events");
    return new Set(rows.map((r) => r.id));
  }
  // SQLite: the trail's own file, audit.db, beside gatehouse.db (which no longer holds audit tables).
  const main = new Database(path.join(dataDir, 'gatehouse.db'), { readonly: true });
  try {
    expect(main.prepare("SELECT name FROM sqlite_master WHERE name = 'audit_events'").all()).toEqual([]);
  } finally {
    main.close();
  }
  const db = new Database(path.join(dataDir, 'audit.db'), { readonly: true });
  try {
    return new Set(
      db
        .prepare<[], { id: string }>("SELECT json_extract(event, '$.requestID') AS id FROM audit_events")
        .all()
        .map((r) => r.id),
    );
  } finally {
    db.close();
  }
}

/** The request ids of the newest events the signed audit route returns (it waits for the writer first). */
async function lookupRequestIds(endpoint: string, maxResults: number): Promise<string[]> {
  const { status, body } = await auditRoute(endpoint, ADMIN_CREDENTIALS, { maxResults: String(maxResults) });
  expect(status).toBe(200);
  return (body.events as { requestID: string }[]).map((e) => e.requestID);
}

afterAll(() => servers.cleanUp());

describe('audit trail across a crash', () => {
  it('SIGTERM right after the last answer: every event is written', async () => {
    const dataDir = servers.dataDir('audit-term');
    const server = await servers.start(dataDir);
    const ids = await traffic(server.endpoint, 'term');
    server.child.kill('SIGTERM');
    await exited(server.child);
    const recorded = await recordedRequestIds(dataDir);
    expect(ids.filter((id) => !recorded.has(id))).toEqual([]);
  });

  it('SIGKILL after a quiet second (well past the flush interval): every event is written', async () => {
    const dataDir = servers.dataDir('audit-kill');
    const server = await servers.start(dataDir);
    const ids = await traffic(server.endpoint, 'kill');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    server.child.kill('SIGKILL');
    await exited(server.child);
    const recorded = await recordedRequestIds(dataDir);
    expect(ids.length).toBe(320);
    expect(ids.filter((id) => !recorded.has(id))).toEqual([]);
  });

  it('SIGKILL right after a read of the trail was answered: every event before the read is written', async () => {
    const dataDir = servers.dataDir('audit-read-kill');
    const server = await servers.start(dataDir);
    const ids = await traffic(server.endpoint, 'read');
    // No pause: the read itself waits until everything recorded before it is committed.
    const seen = await lookupRequestIds(server.endpoint, 1000);
    server.child.kill('SIGKILL');
    await exited(server.child);
    expect(ids.filter((id) => !seen.includes(id))).toEqual([]);
    const recorded = await recordedRequestIds(dataDir);
    expect(ids.filter((id) => !recorded.has(id))).toEqual([]);
  });

  it('a server restarted after a SIGKILL serves the trail it had written, and adds to it', async () => {
    const dataDir = servers.dataDir('audit-restart');
    const first = await servers.start(dataDir);
    const before = await traffic(first.endpoint, 'before');
    await lookupRequestIds(first.endpoint, 1);
    first.child.kill('SIGKILL');
    await exited(first.child);
    const second = await servers.start(dataDir);
    const after = await traffic(second.endpoint, 'after');
    const seen = new Set(await lookupRequestIds(second.endpoint, 1000));
    expect([...before, ...after].filter((id) => !seen.has(id))).toEqual([]);
    second.child.kill('SIGTERM');
    await exited(second.child);
  });

  it.skipIf(onPostgres)(
    'a data directory of an earlier version (the trail in gatehouse.db) is served from audit.db after the upgrade',
    async () => {
      const dataDir = servers.dataDir('audit-legacy');
      const first = await servers.start(dataDir);
      const current = await traffic(first.endpoint, 'current'); // audit.db's sequence numbers from 1 on are taken
      first.child.kill('SIGTERM');
      await exited(first.child);
      // What an earlier version left: the audit tables in gatehouse.db, with its events and last-accessed rows.
      const main = new Database(path.join(dataDir, 'gatehouse.db'));
      main.exec(`CREATE TABLE audit_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, event_time TEXT NOT NULL,
      event_source TEXT NOT NULL, event_name TEXT NOT NULL, principal_arn TEXT, access_key_id TEXT, error_code TEXT, source_ip TEXT, event TEXT NOT NULL);
      CREATE TABLE service_last_accessed (principal_arn TEXT NOT NULL, service_namespace TEXT NOT NULL, last_accessed TEXT NOT NULL,
      last_accessed_entity TEXT, last_accessed_region TEXT, total_authenticated_entities INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (principal_arn, service_namespace));`);
      const now = new Date().toISOString();
      const legacy = Array.from({ length: 5 }, (_, i) => `legacy-request-${i}`);
      const insert = main.prepare(
        `INSERT INTO audit_events (event_id, event_time, event_source, event_name, event) VALUES (?, ?, 'iam.amazonaws.com', 'ListUsers', ?)`,
      );
      for (const id of legacy) insert.run(`event-${id}`, now, JSON.stringify({ eventName: 'ListUsers', eventTime: now, requestID: id }));
      main.close();
      const upgraded = await servers.start(dataDir);
      const seen = await lookupRequestIds(upgraded.endpoint, 1000);
      expect([...legacy, ...current].filter((id) => !seen.includes(id))).toEqual([]);
      upgraded.child.kill('SIGTERM');
      await exited(upgraded.child);
      const after = new Database(path.join(dataDir, 'gatehouse.db'), { readonly: true });
      expect(after.prepare("SELECT name FROM sqlite_master WHERE name IN ('audit_events', 'service_last_accessed')").all()).toEqual([]);
      after.close();
    },
  );
});
