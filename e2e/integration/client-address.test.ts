// aws:SourceIp and aws:SecureTransport cannot be forged: X-Forwarded-For / X-Forwarded-Proto / Forwarded count
// only from proxies listed in GATEHOUSE_TRUSTED_PROXIES (none by default), through the AWS SDK over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { errorCode, startServer, type TestServer } from './harness';

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } },
    { Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ],
});

/** An IAM client of a user allowed ListUsers only from 192.0.2.0/24 over TLS, sending `headers` on every request. */
async function restrictedClient(server: TestServer, headers: Record<string, string>): Promise<IAMClient> {
  await server.iam.send(new CreateUserCommand({ UserName: 'netuser' }));
  await server.iam.send(new PutUserPolicyCommand({ UserName: 'netuser', PolicyName: 'net', PolicyDocument: POLICY }));
  const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'netuser' }));
  const client = server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).iam;
  client.middlewareStack.add(
    (next) => async (args) => {
      Object.assign((args.request as { headers: Record<string, string> }).headers, headers);
      return next(args);
    },
    { step: 'build' },
  );
  return client;
}

describe('without trusted proxies (the default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.stop());

  it('ignores X-Forwarded-For, X-Forwarded-Proto and Forwarded from the client', async () => {
    const client = await restrictedClient(server, {
      'x-forwarded-for': '192.0.2.77',
      'x-forwarded-proto': 'https',
      forwarded: 'for=192.0.2.78;proto=https',
    });
    expect(await errorCode(client.send(new ListUsersCommand({})))).toBe('AccessDenied');
    client.destroy();
  });
});

describe('with the client behind a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { GATEHOUSE_TRUSTED_PROXIES: '127.0.0.0/8, ::1' } });
  });
  afterAll(async () => server.stop());

  it('believes the proxy about the client address and the protocol', async () => {
    const client = await restrictedClient(server, { 'x-forwarded-for': '192.0.2.77', 'x-forwarded-proto': 'https' });
    expect((await client.send(new ListUsersCommand({}))).Users).toBeDefined();
    client.destroy();
  });

  it('still applies the SecureTransport deny when the proxy says http, and the SourceIp test to the real client', async () => {
    const plain = await (async () => {
      const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'netuser' }));
      return server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).iam;
    })();
    for (const headers of [
      { 'x-forwarded-for': '192.0.2.77', 'x-forwarded-proto': 'http' },
      // A client-written address to the left of an untrusted hop is not believed.
      { 'x-forwarded-for': '192.0.2.77, 198.51.100.3', 'x-forwarded-proto': 'https' },
    ]) {
      plain.middlewareStack.remove('forwarded');
      plain.middlewareStack.add(
        (next) => async (args) => {
          Object.assign((args.request as { headers: Record<string, string> }).headers, headers);
          return next(args);
        },
        { step: 'build', name: 'forwarded' },
      );
      expect(await errorCode(plain.send(new ListUsersCommand({})))).toBe('AccessDenied');
    }
    plain.destroy();
  });

  it('refuses a request whose Forwarded and X-Forwarded-For name different clients, believes them when they agree', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'netuser2' }));
    await server.iam.send(new PutUserPolicyCommand({ UserName: 'netuser2', PolicyName: 'net', PolicyDocument: POLICY }));
    const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'netuser2' }));
    const client = server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).iam;
    const send = (headers: Record<string, string>) => {
      client.middlewareStack.remove('forwarded');
      client.middlewareStack.add(
        (next) => async (args) => {
          Object.assign((args.request as { headers: Record<string, string> }).headers, headers);
          return next(args);
        },
        { step: 'build', name: 'forwarded' },
      );
      return client.send(new ListUsersCommand({}));
    };
    // An X-Forwarded-For-only proxy (nginx's proxy_add_x_forwarded_for, ALB) appended 198.51.100.3, the address it
    // saw, and passed through the Forwarded the client wrote to claim an allowed address.
    const spoofed = { 'x-forwarded-for': '198.51.100.3', 'x-forwarded-proto': 'https', forwarded: 'for=192.0.2.77;proto=https' };
    expect(await errorCode(send(spoofed))).toBe('AccessDenied');
    const agreeing = { 'x-forwarded-for': '192.0.2.77', 'x-forwarded-proto': 'https', forwarded: 'for=192.0.2.77;proto=https' };
    expect((await send(agreeing)).Users).toBeDefined();
    client.destroy();
  });
});
