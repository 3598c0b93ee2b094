// Sessions of a deleted role or user, end to end through the SDK: a trust policy that names the role or user by ARN
// admits only the entity that exists now, never a session of an earlier one deleted and re-created under the same
// name (AWS keeps such principals as unique ids).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteRoleCommand,
  DeleteUserCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { errorCode, startServer, TEST_ACCOUNT_ID, type Credentials, type TestServer } from './harness';

let server: TestServer;

const trusting = (principal: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] });
const ACCOUNT_ROOT = `arn:aws:iam::${TEST_ACCOUNT_ID}:root`;

function session(credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined): Credentials {
  return {
    accessKeyId: credentials!.AccessKeyId!,
    secretAccessKey: credentials!.SecretAccessKey!,
    sessionToken: credentials!.SessionToken!,
  };
}

async function assumeAsAdmin(roleName: string): Promise<Credentials> {
  const assumed = await server.sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/${roleName}`, RoleSessionName: 'admin' }),
  );
  return session(assumed.Credentials);
}

async function createUserWithKey(userName: string): Promise<Credentials & { keyId: string }> {
  await server.iam.send(new CreateUserCommand({ UserName: userName }));
  const key = (await server.iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey!, keyId: key.AccessKeyId! };
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe('a trust policy naming a role or user by ARN', () => {
  it("admits the re-created role's sessions, not those of the role deleted before it", async () => {
    await server.iam.send(new CreateRoleCommand({ RoleName: 'stale-source', AssumeRolePolicyDocument: trusting(ACCOUNT_ROOT) }));
    const old = server.clientFor(await assumeAsAdmin('stale-source'));
    await server.iam.send(new DeleteRoleCommand({ RoleName: 'stale-source' }));
    await server.iam.send(new CreateRoleCommand({ RoleName: 'stale-source', AssumeRolePolicyDocument: trusting(ACCOUNT_ROOT) }));
    const current = server.clientFor(await assumeAsAdmin('stale-source'));
    await server.iam.send(
      new CreateRoleCommand({
        RoleName: 'stale-target',
        AssumeRolePolicyDocument: trusting(`arn:aws:iam::${TEST_ACCOUNT_ID}:role/stale-source`),
      }),
    );
    const target = { RoleArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/stale-target`, RoleSessionName: 'chained' };

    expect(await errorCode(old.sts.send(new AssumeRoleCommand(target)))).toBe('AccessDenied');
    const chained = await current.sts.send(new AssumeRoleCommand(target));
    expect(chained.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${TEST_ACCOUNT_ID}:assumed-role/stale-target/chained`);
  });

  it('admits the re-created user, not a session of the user deleted before it', async () => {
    const first = await createUserWithKey('stale-user');
    const old = server.clientFor(session((await server.clientFor(first).sts.send(new GetSessionTokenCommand({}))).Credentials));
    await server.iam.send(new DeleteAccessKeyCommand({ UserName: 'stale-user', AccessKeyId: first.keyId }));
    await server.iam.send(new DeleteUserCommand({ UserName: 'stale-user' }));
    const second = server.clientFor(await createUserWithKey('stale-user'));
    await server.iam.send(
      new CreateRoleCommand({
        RoleName: 'stale-user-target',
        AssumeRolePolicyDocument: trusting(`arn:aws:iam::${TEST_ACCOUNT_ID}:user/stale-user`),
      }),
    );
    const target = { RoleArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/stale-user-target`, RoleSessionName: 'by-user' };

    expect(await errorCode(old.sts.send(new AssumeRoleCommand(target)))).toBe('AccessDenied');
    expect((await second.sts.send(new AssumeRoleCommand(target))).AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${TEST_ACCOUNT_ID}:assumed-role/stale-user-target/by-user`,
    );
  });
});
