// The standalone server's start-up warm-up (lib/service/warm-up.ts) runs thousands of signed requests through
// the real service's handler: it must leave nothing a user can see — no row written (users, access key last use,
// service last-accessed data, audit events), no audit event served — and the service must serve normally after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IAMClient,
  CreateUserCommand,
  GetAccountSummaryCommand,
  ListGroupsCommand,
  ListPoliciesCommand,
  GetUserCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { warmUp, type WarmUpReport } from '../../lib/service/warm-up';
import type { SqliteStore } from '../../lib/store/sqlite/store';
import { nodeListener } from '../../lib/protocol/node-adapter';
import { onPostgres } from '../support/test-store';
import { auditRoute, startServer, type TestServer } from './harness';

/** Every row of every table of the SQLite database, by table. */
function databaseContents(server: TestServer): Record<string, unknown[]> {
  const db = (server.service.store as SqliteStore).db;
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

/** The audit trail as GET /_gatehouse/audit serves it (signed by the admin; the route flushes buffered events first). */
async function auditEvents(server: TestServer): Promise<Record<string, any>[]> {
  const { status, body } = await auditRoute(server.endpoint, server.credentials);
  expect(status).toBe(200);
  return body.events;
}

describe.skipIf(onPostgres).each(['handler', 'listener'] as const)('start-up warm-up (SQLite), requests given to the %s', (mode) => {
  let server: TestServer;
  let before: Record<string, unknown[]>;
  let report: WarmUpReport | undefined;

  beforeAll(async () => {
    server = await startServer();
    // Nothing has reached the server yet: the warm-up runs as it does before the standalone server listens.
    before = databaseContents(server);
    // `listener`: as bin/iam-server.ts runs it, through node:http over loopback TCP from its own sockets only.
    const listener = mode === 'listener' ? nodeListener(server.service.handler, server.service.config.maxBodyBytes) : undefined;
    report = await warmUp(server.service, { requests: 600, maxMs: 60_000, listener });
  });
  afterAll(() => server.stop());

  it('ran its requests, every one answered 200 (a failure would have thrown)', () => {
    expect(report?.requests).toBe(600);
  });

  it('left every table of the database as it was (users, keys and their last use, last-accessed data, audit)', () => {
    expect(databaseContents(server)).toEqual(before);
  });

  it('leaves no user, role or count behind, and no audit event', async () => {
    const { Users } = await server.iam.send(new ListUsersCommand({}));
    expect(Users!.map((u) => u.UserName)).toEqual(['admin']);
    const { SummaryMap } = await server.iam.send(new GetAccountSummaryCommand({}));
    expect(SummaryMap!.Users).toBe(1);
    // It created and deleted roles, groups and customer managed policies too: none is left, none is counted.
    const { Groups } = await server.iam.send(new ListGroupsCommand({}));
    const { Policies } = await server.iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    expect(SummaryMap!.Groups).toBe(Groups!.length);
    expect(SummaryMap!.Policies).toBe(Policies!.length);
    expect(JSON.stringify([Groups, Policies])).not.toContain('warm-up');
    expect(SummaryMap!.Roles).toBe((await server.iam.send(new ListRolesCommand({}))).Roles!.length);
    const events = await auditEvents(server);
    // Only this test's own calls (ListUsers, GetAccountSummary, ListRoles): none of the warm-up's.
    expect(events.map((e) => e.eventName).sort()).toEqual(['GetAccountSummary', 'ListGroups', 'ListPolicies', 'ListRoles', 'ListUsers']);
    expect(JSON.stringify(events)).not.toContain('warm-up');
  });

  it('records the access key last use of real requests after it (the rolled-back use is not remembered)', async () => {
    // The debounce of last-use writes forgot the warm-up's uses with the rollback: this call's use is written.
    await server.iam.send(new GetUserCommand({}));
    const db = (server.service.store as SqliteStore).db;
    const row = db
      .prepare<[string], { last_used_date: string | null; last_used_service: string | null }>(
        'SELECT last_used_date, last_used_service FROM access_keys WHERE access_key_id = ?',
      )
      .get(server.credentials.accessKeyId);
    expect(row?.last_used_date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(row?.last_used_service).toBe('iam');
  });

  it('serves normally after it', async () => {
    const identity = await server.sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:iam::${server.accountId}:user/admin`);
    const { User } = await server.iam.send(new CreateUserCommand({ UserName: 'after-warm-up', Path: '/warm-up/' }));
    expect(User!.UserName).toBe('after-warm-up');
    expect((await server.iam.send(new GetUserCommand({ UserName: 'after-warm-up' }))).User!.Path).toBe('/warm-up/');
    expect((await server.iam.send(new ListUsersCommand({}))).Users!.map((u) => u.UserName).sort()).toEqual(['admin', 'after-warm-up']);
  });
});

describe.skipIf(onPostgres)("the warm-up's loopback port", () => {
  let server: TestServer;
  let report: WarmUpReport | undefined;
  let probe: Promise<string> | undefined;

  beforeAll(async () => {
    server = await startServer();
    const listener = nodeListener(server.service.handler, server.service.config.maxBodyBytes);
    report = await warmUp(server.service, {
      requests: 600,
      maxMs: 60_000,
      listener,
      // Another client, with the admin's valid credentials, on the port while the warm-up (audit silenced) runs.
      onListening: (port) => {
        const client = new IAMClient({
          endpoint: `http://127.0.0.1:${port}`,
          region: 'us-east-1',
          credentials: server.credentials,
          maxAttempts: 1,
        });
        probe = client.send(new GetUserCommand({})).then(
          () => 'answered',
          (error: { $metadata?: { httpStatusCode?: number }; code?: string; name?: string }) =>
            error.$metadata?.httpStatusCode ? `answered ${error.$metadata.httpStatusCode}` : `no answer (${error.code ?? error.name})`,
        );
      },
    });
  });
  afterAll(() => server.stop());

  it("answers no connection but the warm-up's own, even a validly signed request: it is dropped unanswered", async () => {
    expect(report?.requests).toBe(600);
    expect(probe).toBeDefined();
    expect(await probe).toMatch(/^no answer/);
  });
});

describe.skipIf(onPostgres)('a start-up warm-up that fails half-way (through the listener)', () => {
  let server: TestServer;
  let before: Record<string, unknown[]>;
  let failure: unknown;

  beforeAll(async () => {
    server = await startServer();
    // The admin may do everything but create groups: the warm-up's CreateGroup answers 403 while the other 15
    // workers have requests in flight.
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'admin',
        PolicyName: 'no-groups',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 'iam:CreateGroup', Resource: '*' }],
        }),
      }),
    );
    await auditRoute(server.endpoint, server.credentials); // the set-up's events written before the snapshot
    before = databaseContents(server);
    const listener = nodeListener(server.service.handler, server.service.config.maxBodyBytes);
    failure = await warmUp(server.service, { requests: 6000, maxMs: 60_000, listener }).then(
      () => undefined,
      (error: unknown) => error,
    );
  });
  afterAll(() => server.stop());

  it('stops at the refusal and says which request was refused', () => {
    expect(String(failure)).toMatch(/warm-up request Action=CreateGroup answered 403/);
  });

  it('waited for every request in flight before rolling back: nothing was committed or audited', async () => {
    expect(databaseContents(server)).toEqual(before);
    const { Users } = await server.iam.send(new ListUsersCommand({}));
    expect(Users!.map((u) => u.UserName)).toEqual(['admin']);
    const { body } = await auditRoute(server.endpoint, server.credentials);
    expect(JSON.stringify(body.events)).not.toContain('warm-up');
  });
});
