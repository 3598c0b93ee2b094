// Concurrent writes against a running server: uniqueness and quotas hold when requests race (one transaction each).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  GetAccountSummaryCommand,
  ListAccessKeysCommand,
  ListGroupsForUserCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { startServer, type TestServer } from './harness';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.reset();
});

/** Runs all calls at once and sorts the outcomes into successes and error codes. */
async function race(calls: Array<() => Promise<unknown>>): Promise<{ succeeded: number; errors: string[] }> {
  const results = await Promise.allSettled(calls.map((call) => call()));
  const errors = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => (r.reason as { Code?: string; name: string }).Code ?? (r.reason as Error).name);
  return { succeeded: results.length - errors.length, errors };
}

describe('concurrent writes', () => {
  it('50 concurrent CreateUser with the same name: exactly one succeeds, the rest EntityAlreadyExists', async () => {
    const outcome = await race(
      Array.from(
        { length: 50 },
        (_, i) => () =>
          // The same name in varying case: uniqueness ignores case.
          server.iam.send(new CreateUserCommand({ UserName: i % 2 === 0 ? 'racer' : 'RACER', Path: `/lane/${i}/` })),
      ),
    );
    expect(outcome.succeeded).toBe(1);
    expect(outcome.errors).toHaveLength(49);
    expect(new Set(outcome.errors)).toEqual(new Set(['EntityAlreadyExists']));
    const users = await server.iam.send(new ListUsersCommand({ PathPrefix: '/lane/' }));
    expect(users.Users).toHaveLength(1);
  });

  it('50 concurrent CreateGroup with the same name: exactly one succeeds', async () => {
    const outcome = await race(Array.from({ length: 50 }, () => () => server.iam.send(new CreateGroupCommand({ GroupName: 'crowd' }))));
    expect(outcome.succeeded).toBe(1);
    expect(new Set(outcome.errors)).toEqual(new Set(['EntityAlreadyExists']));
  });

  it('concurrent CreateAccessKey for one user: the quota of two holds', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'keyholder' }));
    const outcome = await race(
      Array.from({ length: 10 }, () => () => server.iam.send(new CreateAccessKeyCommand({ UserName: 'keyholder' }))),
    );
    expect(outcome.succeeded).toBe(2);
    expect(new Set(outcome.errors)).toEqual(new Set(['LimitExceeded']));
    expect((await server.iam.send(new ListAccessKeysCommand({ UserName: 'keyholder' }))).AccessKeyMetadata).toHaveLength(2);
  });

  it('concurrent AddUserToGroup into 15 groups: the user ends in exactly 10', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'joiner' }));
    for (let i = 0; i < 15; i++) await server.iam.send(new CreateGroupCommand({ GroupName: `club-${i}` }));
    const outcome = await race(
      Array.from(
        { length: 15 },
        (_, i) => () => server.iam.send(new AddUserToGroupCommand({ GroupName: `club-${i}`, UserName: 'joiner' })),
      ),
    );
    expect(outcome.succeeded).toBe(10);
    expect(new Set(outcome.errors)).toEqual(new Set(['LimitExceeded']));
    expect((await server.iam.send(new ListGroupsForUserCommand({ UserName: 'joiner' }))).Groups).toHaveLength(10);
  });

  it('concurrent CreateGroup at the account quota of 300: exactly the free slots are taken, a DeleteGroup frees one', async () => {
    // The quota check reads a count kept in the writing transaction (entity_counts), not count(*): it must hold under races.
    const existing = (await server.iam.send(new ListGroupsCommand({ MaxItems: 1000 }))).Groups!.length;
    for (let i = existing; i < 295; i++) await server.iam.send(new CreateGroupCommand({ GroupName: `quota-${i}` }));
    const outcome = await race(
      Array.from({ length: 20 }, (_, i) => () => server.iam.send(new CreateGroupCommand({ GroupName: `racer-${i}` }))),
    );
    expect(outcome.succeeded).toBe(5);
    expect(new Set(outcome.errors)).toEqual(new Set(['LimitExceeded']));
    const refused = await server.iam.send(new CreateGroupCommand({ GroupName: 'one-more' })).catch((error) => error);
    expect(refused).toMatchObject({ name: 'LimitExceededException', message: 'Cannot exceed quota for GroupsPerAccount: 300' });
    expect(refused.$metadata.httpStatusCode).toBe(409);
    const listed = await server.iam.send(new ListGroupsCommand({ MaxItems: 1000 }));
    expect(listed.Groups).toHaveLength(300);
    expect((await server.iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.Groups).toBe(300);
    await server.iam.send(new DeleteGroupCommand({ GroupName: 'quota-294' }));
    expect((await server.iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.Groups).toBe(299);
    await server.iam.send(new CreateGroupCommand({ GroupName: 'one-more' }));
    expect((await server.iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.Groups).toBe(300);
  });
});
