// POST /_gatehouse/reset: back to the initial state for test isolation; refused unless enabled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachUserPolicyCommand, CreateUserCommand, GetUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { errorCode, startServer, type TestServer } from './harness';

let server: TestServer;
let disabled: TestServer;
beforeAll(async () => {
  server = await startServer();
  disabled = await startServer({ env: { GATEHOUSE_ALLOW_RESET: '0' } });
});
afterAll(async () => {
  await server.stop();
  await disabled.stop();
});

describe('reset', () => {
  it('returns to the initial account, with the admin key pair still working', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'temporary' }));
    await server.iam.send(new AttachUserPolicyCommand({ UserName: 'admin', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
    await server.reset();
    expect(await errorCode(server.iam.send(new GetUserCommand({ UserName: 'temporary' })))).toBe('NoSuchEntity');
    const users = await server.iam.send(new ListUsersCommand({}));
    expect(users.Users?.map((u) => u.UserName)).toEqual(['admin']);
    const identity = await server.sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:iam::${server.accountId}:user/admin`);
    expect(identity.UserId).toBe(users.Users?.[0].UserId);
    // Still an administrator after the reset: writes are allowed.
    await server.iam.send(new CreateUserCommand({ UserName: 'after-reset' }));
  });

  it('is refused with a clear error when not enabled', async () => {
    const response = await fetch(`${disabled.endpoint}/_gatehouse/reset`, { method: 'POST' });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('ResetDisabled');
    expect(body.message).toContain('GATEHOUSE_ALLOW_RESET=1');
  });
});
