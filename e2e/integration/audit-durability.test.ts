// What the audit trail promises across a crash, checked on the standalone server (as `npm run iam` runs it):
// events are written behind the answers, in one transaction per batch at most ~50 ms (AuditWriter's flush
// interval) after the request; SIGTERM/SIGINT flush what is buffered before exiting, so they lose nothing; a
// SIGKILL loses at most the events of the requests answered in the last flush interval before it, so once the
// server has been quiet for longer than that, a SIGKILL loses none.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateUserCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { adminClient, exited, StandaloneServers } from './standalone';
import { queryTestDatabase } from '../support/test-store';

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
  const db = new Database(path.join(dataDir, 'gatehouse.db'), { readonly: true });
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
});
