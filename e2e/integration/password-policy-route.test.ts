// GET /_gatehouse/password-policy through real signed requests: an IAM user reads the rules its own password must
// meet without any IAM permission (as AWS's sign-in pages show them); a role session needs
// iam:GetAccountPasswordPolicy; unsigned requests are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { errorCode, startServer, type Credentials, type TestServer } from './harness';

let server: TestServer;
let carol: Credentials;
let roleSession: Credentials;

async function read(credentials?: Credentials, method = 'GET'): Promise<{ status: number; body: any }> {
  const url = new URL(`${server.endpoint}/_gatehouse/password-policy`);
  let headers: Record<string, string> = {};
  if (credentials) {
    const request = new HttpRequest({
      method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      headers: { host: url.host },
    });
    const signed = await new SignatureV4({ service: 'iam', region: 'us-east-1', sha256: Sha256, credentials }).sign(request);
    headers = signed.headers as Record<string, string>;
  }
  const response = await fetch(url, { method, headers });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  server = await startServer();
  await server.iam.send(new CreateUserCommand({ UserName: 'carol' }));
  const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }));
  carol = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }],
  };
  const { Role } = await server.iam.send(new CreateRoleCommand({ RoleName: 'reader', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  const assumed = await server.sts.send(new AssumeRoleCommand({ RoleArn: Role!.Arn!, RoleSessionName: 'reader-session' }));
  roleSession = {
    accessKeyId: assumed.Credentials!.AccessKeyId!,
    secretAccessKey: assumed.Credentials!.SecretAccessKey!,
    sessionToken: assumed.Credentials!.SessionToken!,
  };
});

afterAll(async () => {
  await server?.stop();
});

describe('GET /_gatehouse/password-policy', () => {
  it('tells an IAM user without permissions that the default rules apply when the account has no policy', async () => {
    await server.iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
    expect(await errorCode(server.clientFor(carol).iam.send(new GetAccountPasswordPolicyCommand({})))).toBe('AccessDenied');
    expect(await read(carol)).toEqual({ status: 200, body: { passwordPolicy: null } });
  });

  it('gives an IAM user the account policy as GetAccountPasswordPolicy words it', async () => {
    await server.iam.send(
      new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, RequireSymbols: true, PasswordReusePrevention: 3 }),
    );
    const { status, body } = await read(carol);
    expect(status).toBe(200);
    const { PasswordPolicy } = await server.iam.send(new GetAccountPasswordPolicyCommand({}));
    expect(body.passwordPolicy).toMatchObject({ MinimumPasswordLength: 14, RequireSymbols: true, PasswordReusePrevention: 3 });
    expect(body.passwordPolicy.MinimumPasswordLength).toBe(PasswordPolicy!.MinimumPasswordLength);
  });

  it('refuses a role session without iam:GetAccountPasswordPolicy, unsigned requests and other methods', async () => {
    const denied = await read(roleSession);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe('AccessDenied');
    const unsigned = await read(undefined);
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect((await read(carol, 'POST')).status).toBe(405);
  });
});
