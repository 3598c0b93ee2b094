// Anonymous requests cannot grow the audit trail without bound: unauthenticated events are limited per address
// and per minute, and free-form fields (User-Agent) are truncated, for signed calls too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetUserCommand } from '@aws-sdk/client-iam';
import { auditRoute, startServer, type TestServer } from './harness';

let server: TestServer;
const LONG_AGENT = `flood/${'x'.repeat(15_000)}`;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());

/** Events of the trail with this name, through the signed audit route (which flushes the buffer first). */
async function events(eventName: string): Promise<Array<Record<string, any>>> {
  const { status, body } = await auditRoute(server.endpoint, server.credentials, { eventName, maxResults: '1000' });
  expect(status).toBe(200);
  return body.events;
}

describe('the audit trail under a flood of unsigned requests', () => {
  it('records a bounded number of their events, each with a bounded User-Agent', async () => {
    const before = await server.service.store.audit.count();
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 30 }, () =>
          fetch(server.endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': LONG_AGENT },
            body: 'Action=ListUsers&Version=2010-05-08',
          }).then((r) => {
            expect(r.status).toBe(403);
            return r.text();
          }),
        ),
      );
    }
    const recorded = await events('ListUsers');
    const anonymous = recorded.filter((e) => e.errorCode === 'MissingAuthenticationToken');
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.length).toBeLessThanOrEqual(20);
    expect((await server.service.store.audit.count()) - before).toBeLessThanOrEqual(20);
    for (const event of anonymous) expect(event.userAgent.length).toBeLessThan(600);
  });

  it('still records every authenticated call, with its User-Agent truncated', async () => {
    server.iam.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers['user-agent'] = LONG_AGENT;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'longAgent', priority: 'low' },
    );
    for (let i = 0; i < 25; i++) await server.iam.send(new GetUserCommand({}));
    server.iam.middlewareStack.remove('longAgent');
    const recorded = (await events('GetUser')).filter((e) => e.userIdentity?.userName === 'admin');
    expect(recorded.length).toBe(25);
    expect(recorded[0]!.userAgent.startsWith('flood/xxx')).toBe(true);
    expect(recorded[0]!.userAgent.length).toBeLessThan(600);
  });
});
