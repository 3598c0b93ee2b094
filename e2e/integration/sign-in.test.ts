// Console sign-in route (POST /_gatehouse/sign-in) end to end: root and IAM users (by account id and by alias),
// wrong credentials with one message, MFA, PasswordResetRequired, PasswordLastUsed, lockout with back-off.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetUserCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { totpCode, totpStep } from '../../lib/iam/totp';
import { startServer, errorCode, type Credentials, type TestServer } from './harness';

// lib/console's modules (the access-key sign-in) are server-only; here they run in the test.
vi.mock('server-only', () => ({}));

let server: TestServer;
const ACCOUNT = '123456789012';
// The console functions this file calls (lib/console/sign-in.ts) read it once: their sessions last 30 minutes.
process.env.GATEHOUSE_CONSOLE_SESSION_SECONDS = '1800';
const PASSWORD = 'Sign-in-Passw0rd!';
const INVALID = { error: 'InvalidCredentials', message: 'Your authentication information is incorrect. Please try again.' };

interface SignInResponse {
  status: number;
  body: {
    credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
    principal?: { type: string; arn: string; accountId: string; userName?: string; accountAlias?: string };
    passwordResetRequired?: boolean;
    error?: string;
    message?: string;
    retryAfterSeconds?: number;
  };
}

async function signIn(payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<SignInResponse> {
  const response = await fetch(`${server.endpoint}/_gatehouse/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as SignInResponse['body'] };
}

function clientOf(result: SignInResponse) {
  const c = result.body.credentials!;
  return server.clientFor({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken });
}

async function createConsoleUser(userName: string, passwordResetRequired = false) {
  await server.iam.send(new CreateUserCommand({ UserName: userName }));
  await server.iam.send(
    new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD, PasswordResetRequired: passwordResetRequired }),
  );
}

/**
 * Each test group signs in from its own forwarded address, so address lockouts stay within the group: the test
 * server trusts the loopback proxy (GATEHOUSE_TRUSTED_PROXIES) that this client plays.
 */
const from = (address: string) => ({ 'x-forwarded-for': address });

beforeAll(async () => {
  server = await startServer({ env: { GATEHOUSE_TRUSTED_PROXIES: '127.0.0.1' } });
});
afterAll(async () => {
  await server.stop();
});

/** POST to one of Gatehouse's own routes with an empty body, signed (SigV4, service `sts`) with `credentials`. */
async function signedPost<T>(path: string, credentials: Credentials, query?: Record<string, string>): Promise<{ status: number; body: T }> {
  const url = new URL(`${server.endpoint}${path}`);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'sts', sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: { host: url.host },
    body: '',
  });
  const { host: _host, ...headers } = signed.headers as Record<string, string>;
  if (query) url.search = new URLSearchParams(query).toString();
  const response = await fetch(url, { method: 'POST', headers, body: '' });
  return { status: response.status, body: (await response.json()) as T };
}
describe('root user', () => {
  it('signs in with e-mail and password and gets 12-hour root session credentials', async () => {
    const before = Date.now();
    const result = await signIn(
      { type: 'root', email: server.rootEmail.toUpperCase(), password: server.rootPassword },
      from('198.51.100.1'),
    );
    expect(result.status).toBe(200);
    expect(result.body.principal).toEqual({ type: 'Root', arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT });
    expect(result.body.passwordResetRequired).toBe(false);
    expect(result.body.credentials!.accessKeyId).toMatch(/^ASIA/);
    const lifetime = Date.parse(result.body.credentials!.expiration) - before;
    expect(lifetime).toBeGreaterThan(12 * 3600_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(12 * 3600_000 + 1000);
    const identity = await clientOf(result).sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:root`, UserId: ACCOUNT });
    expect((await server.service.store.account.get())!.rootPasswordLastUsed).toBeDefined();
  });

  it('answers the same 401 for a wrong password and a wrong e-mail', async () => {
    expect(await signIn({ type: 'root', email: server.rootEmail, password: 'wrong-password' }, from('198.51.100.2'))).toEqual({
      status: 401,
      body: INVALID,
    });
    expect(await signIn({ type: 'root', email: 'someone@example.com', password: server.rootPassword }, from('198.51.100.2'))).toEqual({
      status: 401,
      body: INVALID,
    });
  });

  it('rejects malformed requests with 400', async () => {
    expect((await signIn({ type: 'admin', email: 'x' })).status).toBe(400);
    const response = await fetch(`${server.endpoint}/_gatehouse/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'not json',
    });
    expect(response.status).toBe(400);
    expect((await fetch(`${server.endpoint}/_gatehouse/sign-in`)).status).toBe(405);
  });
});

describe('IAM users', () => {
  beforeAll(async () => {
    await createConsoleUser('si-erin');
  });

  it('signs in by account id, records PasswordLastUsed, and acts as the user', async () => {
    const result = await signIn({ type: 'user', account: ACCOUNT, userName: 'si-erin', password: PASSWORD }, from('198.51.100.10'));
    expect(result.status).toBe(200);
    expect(result.body.principal).toEqual({
      type: 'IAMUser',
      arn: `arn:aws:iam::${ACCOUNT}:user/si-erin`,
      accountId: ACCOUNT,
      userName: 'si-erin',
    });
    expect(result.body.passwordResetRequired).toBe(false);
    const identity = await clientOf(result).sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/si-erin`);
    // The session may do only what the user may: Erin has no policies.
    expect(await errorCode(clientOf(result).iam.send(new ListUsersCommand({})))).toBe('AccessDenied');
    const user = await server.iam.send(new GetUserCommand({ UserName: 'si-erin' }));
    expect(user.User?.PasswordLastUsed).toBeInstanceOf(Date);
  });

  it('signs in by account alias and reports the alias', async () => {
    await server.iam.send(new CreateAccountAliasCommand({ AccountAlias: 'gatehouse-signin' }));
    const result = await signIn(
      { type: 'user', account: 'gatehouse-signin', userName: 'SI-ERIN', password: PASSWORD },
      from('198.51.100.11'),
    );
    expect(result.status).toBe(200);
    expect(result.body.principal).toMatchObject({ userName: 'si-erin', accountAlias: 'gatehouse-signin' });
  });

  it('answers one 401 whichever part was wrong', async () => {
    const address = from('198.51.100.12');
    expect(await signIn({ type: 'user', account: ACCOUNT, userName: 'si-erin', password: 'Wrong-Passw0rd!' }, address)).toEqual({
      status: 401,
      body: INVALID,
    });
    expect(await signIn({ type: 'user', account: '999999999999', userName: 'si-erin', password: PASSWORD }, address)).toEqual({
      status: 401,
      body: INVALID,
    });
    expect(await signIn({ type: 'user', account: ACCOUNT, userName: 'nobody', password: PASSWORD }, address)).toEqual({
      status: 401,
      body: INVALID,
    });
    await server.iam.send(new CreateUserCommand({ UserName: 'si-no-console' }));
    expect(await signIn({ type: 'user', account: ACCOUNT, userName: 'si-no-console', password: PASSWORD }, address)).toEqual({
      status: 401,
      body: INVALID,
    });
  });

  it('marks sessions of users who must reset their password, which may only change it', async () => {
    await createConsoleUser('si-frank', true);
    const result = await signIn({ type: 'user', account: ACCOUNT, userName: 'si-frank', password: PASSWORD }, from('198.51.100.13'));
    expect(result.status).toBe(200);
    expect(result.body.passwordResetRequired).toBe(true);
    const stored = JSON.parse((await server.service.store.sessions.get(result.body.credentials!.accessKeyId))!.principal);
    expect(stored.passwordResetRequired).toBe(true);
    expect(await errorCode(clientOf(result).iam.send(new ListUsersCommand({})))).toBe('AccessDenied');
    const roleArn = (
      await server.iam.send(
        new CreateRoleCommand({
          RoleName: 'si-frank-role',
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/si-frank` }, Action: 'sts:AssumeRole' }],
          }),
        }),
      )
    ).Role!.Arn!;
    expect(await errorCode(clientOf(result).sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'escape' })))).toBe(
      'AccessDenied',
    );
  });
});

describe('audit trail', () => {
  it('records ConsoleLogin events without the password or the credentials', async () => {
    const address = from('198.51.100.50');
    const ok = await signIn({ type: 'user', account: ACCOUNT, userName: 'si-erin', password: PASSWORD }, address);
    await signIn({ type: 'user', account: ACCOUNT, userName: 'si-erin', password: 'Wrong-Passw0rd!' }, address);
    // The audit sink writes in the background: wait until both attempts are in the trail.
    const mine = await vi.waitFor(async () => {
      const events = (await server.service.store.audit.query({ eventName: 'ConsoleLogin', limit: 50 })).events.map((e) => JSON.parse(e));
      const found = events.filter((e) => e.sourceIPAddress === '198.51.100.50' && e.requestParameters?.userName === 'si-erin');
      expect(found.some((e) => !e.errorCode && e.userIdentity?.arn === `arn:aws:iam::${ACCOUNT}:user/si-erin`)).toBe(true);
      expect(found.some((e) => e.errorCode === 'InvalidCredentials')).toBe(true);
      return found;
    });
    const text = JSON.stringify(mine);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('Wrong-Passw0rd!');
    expect(text).not.toContain(ok.body.credentials!.secretAccessKey);
    expect(text).not.toContain(ok.body.credentials!.sessionToken);
  });
});

describe('sign-out', () => {
  const signOut = (credentials: Credentials) => signedPost<{ error?: string; signedOut?: boolean }>('/_gatehouse/sign-out', credentials);

  it('revokes the console session at once', async () => {
    const result = await signIn({ type: 'user', account: ACCOUNT, userName: 'si-erin', password: PASSWORD }, from('198.51.100.60'));
    const c = result.body.credentials!;
    const session = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
    expect((await clientOf(result).sts.send(new GetCallerIdentityCommand({}))).Arn).toContain('si-erin');
    expect(await signOut(session)).toEqual({ status: 200, body: { signedOut: true } });
    expect(await errorCode(clientOf(result).sts.send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
    expect((await signOut(session)).body.error).toBe('InvalidClientTokenId');
    expect((await signOut(server.credentials)).status).toBe(400);
    const unsigned = await fetch(`${server.endpoint}/_gatehouse/sign-out`, { method: 'POST' });
    expect(unsigned.status).toBe(403);
  });
});

describe('MFA', () => {
  it('asks for the code after a right password, and accepts only a valid one', async () => {
    await createConsoleUser('si-grace');
    const device = await server.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'si-grace-mfa' }));
    const serial = device.VirtualMFADevice!.SerialNumber!;
    const seed = Buffer.from(device.VirtualMFADevice!.Base32StringSeed!).toString('ascii');
    const step = totpStep(new Date());
    await server.iam.send(
      new EnableMFADeviceCommand({
        UserName: 'si-grace',
        SerialNumber: serial,
        AuthenticationCode1: totpCode(seed, step - 1),
        AuthenticationCode2: totpCode(seed, step),
      }),
    );
    const address = from('198.51.100.20');
    const base = { type: 'user', account: ACCOUNT, userName: 'si-grace', password: PASSWORD };

    expect(await signIn(base, address)).toEqual({
      status: 401,
      body: { error: 'MfaRequired', message: 'Enter the MFA code for your device.' },
    });
    // A wrong password is not told apart by the MFA prompt.
    expect(await signIn({ ...base, password: 'Wrong-Passw0rd!' }, address)).toEqual({ status: 401, body: INVALID });
    const wrong = totpCode(seed, step + 1) === '000000' ? '111111' : '000000';
    expect(await signIn({ ...base, mfaCode: wrong }, address)).toEqual({ status: 401, body: INVALID });
    const result = await signIn({ ...base, mfaCode: totpCode(seed, step + 1) }, address);
    expect(result.status).toBe(200);
    const stored = JSON.parse((await server.service.store.sessions.get(result.body.credentials!.accessKeyId))!.principal);
    expect(stored.mfaAuthenticated).toBe(true);
  });
});

describe('console sessions and IAM', () => {
  // Unlike GetSessionToken credentials without MFA, which may call no IAM API (lib/authz/session-limits.ts).
  const LIST_USERS = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] });

  it('a password sign-in without MFA is a console session, which calls IAM as far as the policies allow', async () => {
    await createConsoleUser('si-ivan');
    await server.iam.send(new PutUserPolicyCommand({ UserName: 'si-ivan', PolicyName: 'list', PolicyDocument: LIST_USERS }));
    const result = await signIn({ type: 'user', account: ACCOUNT, userName: 'si-ivan', password: PASSWORD }, from('198.51.100.40'));
    expect(result.status).toBe(200);
    expect((await clientOf(result).iam.send(new ListUsersCommand({}))).Users?.some((u) => u.UserName === 'si-ivan')).toBe(true);
    const stored = JSON.parse((await server.service.store.sessions.get(result.body.credentials!.accessKeyId))!.principal);
    expect(stored.issuedBy).toBe('ConsoleSignIn');
  });

  it("the console's access-key sign-in gets a console session, which calls IAM and which sign-out revokes", async () => {
    const { signInWithAccessKeys } = await import('../../lib/console/sign-in');
    const { iamClientFor } = await import('../../lib/console/clients');
    const { revokeConsoleSession } = await import('../../lib/console/revocation');
    await server.iam.send(new CreateUserCommand({ UserName: 'si-judy' }));
    await server.iam.send(new PutUserPolicyCommand({ UserName: 'si-judy', PolicyName: 'list', PolicyDocument: LIST_USERS }));
    const key = (await server.iam.send(new CreateAccessKeyCommand({ UserName: 'si-judy' }))).AccessKey!;
    const keys = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const target = { kind: 'endpoint' as const, endpoint: server.endpoint };
    const signedIn = await signInWithAccessKeys(keys, target);
    expect(signedIn.principal.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/si-judy`);
    const session = signedIn.credentials;
    expect(session.accessKeyId).toMatch(/^ASIA/);
    // As long as the console's session (GATEHOUSE_CONSOLE_SESSION_SECONDS above), not 12 hours.
    expect(Date.parse(session.expiration!) - Date.now()).toBeGreaterThan(1_800_000 - 60_000);
    expect(Date.parse(session.expiration!) - Date.now()).toBeLessThanOrEqual(1_800_000 + 1000);
    expect(session.sessionToken).toBeDefined();
    const stored = JSON.parse((await server.service.store.sessions.get(session.accessKeyId))!.principal);
    expect(stored).toMatchObject({ type: 'IAMUser', issuedBy: 'ConsoleSignIn', arn: `arn:aws:iam::${ACCOUNT}:user/si-judy` });
    expect((await iamClientFor(session, target).send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
    await revokeConsoleSession(session, Math.floor(Date.now() / 1000) + 3600, target);
    expect(
      await errorCode(
        server
          .clientFor({ accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken })
          .sts.send(new GetCallerIdentityCommand({})),
      ),
    ).toBe('InvalidClientTokenId');
    const event = await vi.waitFor(async () => {
      const events = (await server.service.store.audit.query({ eventName: 'ConsoleLogin', limit: 50 })).events.map((e) => JSON.parse(e));
      const found = events.find((e) => e.userIdentity?.arn === `arn:aws:iam::${ACCOUNT}:user/si-judy`);
      expect(found).toBeDefined();
      return found;
    });
    expect(JSON.stringify(event)).not.toContain(keys.secretAccessKey);
    expect(JSON.stringify(event)).not.toContain(session.secretAccessKey);
    // The keys themselves stay valid.
    expect((await server.clientFor(keys).sts.send(new GetCallerIdentityCommand({}))).Arn).toContain('si-judy');
  });

  it('POST /_gatehouse/sign-in/access-keys takes long-term keys only, signed', async () => {
    const url = new URL(`${server.endpoint}/_gatehouse/sign-in/access-keys`);
    const post = (credentials: Credentials) =>
      signedPost<{ error?: string; credentials?: unknown }>('/_gatehouse/sign-in/access-keys', credentials);
    const issued = await post(server.credentials);
    expect(issued.status).toBe(200);
    const c = (issued.body.credentials as { accessKeyId: string; secretAccessKey: string; sessionToken: string })!;
    expect(await post({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken })).toMatchObject({
      status: 403,
      body: { error: 'AccessDenied' },
    });
    expect((await post({ ...server.credentials, secretAccessKey: 'wrong' })).status).toBe(403);
    const unsigned = await fetch(url, { method: 'POST' });
    expect(unsigned.status).toBe(403);

    // A key deactivated right after a sign-in is refused at the next one (no cache keeps it active).
    await server.iam.send(new CreateUserCommand({ UserName: 'si-kim' }));
    const key = (await server.iam.send(new CreateAccessKeyCommand({ UserName: 'si-kim' }))).AccessKey!;
    const kim = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    expect((await post(kim)).status).toBe(200);
    await server.iam.send(new UpdateAccessKeyCommand({ UserName: 'si-kim', AccessKeyId: kim.accessKeyId, Status: 'Inactive' }));
    expect(await post(kim)).toMatchObject({ status: 403, body: { error: 'InvalidClientTokenId' } });
  });
});

describe('console session length', () => {
  // The console asks for credentials that last as long as its own session (GATEHOUSE_CONSOLE_SESSION_SECONDS), so they
  // stop answering when the console's session ends rather than up to 12 hours later.
  const lifetimeOf = (expiration: string, before: number) => Date.parse(expiration) - before;

  it('issues password sign-in credentials for durationSeconds (900-43,200), and refuses other lengths', async () => {
    await createConsoleUser('si-len');
    const before = Date.now();
    const short = await signIn(
      { type: 'user', account: ACCOUNT, userName: 'si-len', password: PASSWORD, durationSeconds: 900 },
      from('198.51.100.70'),
    );
    expect(short.status).toBe(200);
    const lifetime = lifetimeOf(short.body.credentials!.expiration, before);
    expect(lifetime).toBeGreaterThan(900_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(900_000 + 1000);
    for (const durationSeconds of [899, 43_201, 1.5, '900']) {
      const refused = await signIn(
        { type: 'user', account: ACCOUNT, userName: 'si-len', password: PASSWORD, durationSeconds },
        from('198.51.100.70'),
      );
      expect(refused.status, String(durationSeconds)).toBe(400);
    }
  });

  it('issues access-key sign-in sessions for the signed DurationSeconds, and refuses other lengths', async () => {
    const before = Date.now();
    const post = (query?: Record<string, string>) =>
      signedPost<{ error?: string; message?: string; credentials?: { expiration: string } }>(
        '/_gatehouse/sign-in/access-keys',
        server.credentials,
        query,
      );
    const short = await post({ DurationSeconds: '1800' });
    expect(short.status).toBe(200);
    const lifetime = lifetimeOf(short.body.credentials!.expiration, before);
    expect(lifetime).toBeGreaterThan(1_800_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(1_800_000 + 1000);
    expect(lifetimeOf((await post()).body.credentials!.expiration, before)).toBeGreaterThan(12 * 3600_000 - 60_000);
    for (const value of ['60', '43201', 'x', '']) {
      expect(await post({ DurationSeconds: value }), value).toEqual({
        status: 400,
        body: { error: 'ValidationError', message: 'DurationSeconds must be a whole number of seconds from 900 to 43200.' },
      });
    }
  });

  it("the console asks for its own session's length, within 900-43,200 s", async () => {
    const { consoleCredentialSeconds, signInWithPassword } = await import('../../lib/console/sign-in');
    expect([60, 900, 3600, 43_200, 86_400].map(consoleCredentialSeconds)).toEqual([900, 900, 3600, 43_200, 43_200]);
    await createConsoleUser('si-console-len');
    const target = { kind: 'endpoint' as const, endpoint: server.endpoint };
    const input = { type: 'user' as const, account: ACCOUNT, userName: 'si-console-len', password: PASSWORD };
    const lifetime = async (...duration: [] | [number]) =>
      Date.parse((await signInWithPassword(input, target, ...duration)).credentials.expiration!) - Date.now();
    // GATEHOUSE_CONSOLE_SESSION_SECONDS is 1800 in this file; a renewal asks for what is left of its session.
    expect(await lifetime()).toBeGreaterThan(1_800_000 - 60_000);
    expect(await lifetime()).toBeLessThanOrEqual(1_800_000 + 1000);
    expect(await lifetime(900)).toBeLessThanOrEqual(900_000 + 1000);
  });
});

describe('limits', () => {
  it('slows one user down from one address after 5 failures, without locking the right password out elsewhere', async () => {
    await createConsoleUser('si-henry');
    const base = { type: 'user', account: ACCOUNT, userName: 'si-henry', password: 'Wrong-Passw0rd!' };
    const attacker = from('198.51.100.30');
    for (let i = 0; i < 5; i++) expect((await signIn(base, attacker)).status).toBe(401);
    const locked = await signIn({ ...base, password: PASSWORD }, attacker);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('TooManyAttempts');
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.body.retryAfterSeconds).toBeLessThanOrEqual(30);
    // The same user through the account alias is the same subject.
    expect((await signIn({ ...base, account: 'gatehouse-signin', password: PASSWORD }, attacker)).status).toBe(429);
    // The user, from anywhere else, signs in with the right password.
    expect((await signIn({ ...base, password: PASSWORD }, from('198.51.100.40'))).status).toBe(200);

    // The back-off doubles: lift the wait as if 30 s had passed, fail once more, and wait twice as long.
    await server.execute("UPDATE sign_in_attempts SET locked_until = ? WHERE subject LIKE 'user:%si-henry@198.51.100.30'", [
      new Date(Date.now() - 1000).toISOString(),
    ]);
    expect((await signIn(base, attacker)).status).toBe(401);
    const longer = await signIn(base, attacker);
    expect(longer.status).toBe(429);
    expect(longer.body.retryAfterSeconds).toBeGreaterThan(30);
    expect(longer.body.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('limits wrong passwords and MFA codes sent at once exactly like ones sent one after another', async () => {
    await createConsoleUser('si-kate');
    const attacker = from('198.51.100.60');
    const base = { type: 'user', account: ACCOUNT, userName: 'si-kate' };
    const tally = (results: SignInResponse[]) => results.map((r) => r.status).sort((a, b) => a - b);
    const passwords = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn({ ...base, password: `Wrong-${i}` }, attacker)));
    expect(tally(passwords)).toEqual([...Array<number>(5).fill(401), ...Array<number>(25).fill(429)]);
    expect((await signIn({ ...base, password: PASSWORD }, attacker)).status).toBe(429);

    // The right password with guessed MFA codes, at once from another address: 5 codes are checked, no more.
    const device = await server.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'si-kate-mfa' }));
    const seed = Buffer.from(device.VirtualMFADevice!.Base32StringSeed!).toString('ascii');
    const step = totpStep(new Date());
    await server.iam.send(
      new EnableMFADeviceCommand({
        UserName: 'si-kate',
        SerialNumber: device.VirtualMFADevice!.SerialNumber!,
        AuthenticationCode1: totpCode(seed, step - 1),
        AuthenticationCode2: totpCode(seed, step),
      }),
    );
    const valid = new Set([-1, 0, 1, 2].map((offset) => totpCode(seed, step + offset)));
    const guesses = Array.from({ length: 40 }, (_, i) => String(200000 + i))
      .filter((code) => !valid.has(code))
      .slice(0, 30);
    const codes = await Promise.all(guesses.map((mfaCode) => signIn({ ...base, password: PASSWORD, mfaCode }, from('198.51.100.61'))));
    expect(tally(codes)).toEqual([...Array<number>(5).fill(401), ...Array<number>(25).fill(429)]);
  });

  it('slows a guesser spread over many addresses, but never the addresses the user signs in from', async () => {
    await createConsoleUser('si-jack');
    const user = { type: 'user', account: ACCOUNT, userName: 'si-jack' };
    expect((await signIn({ ...user, password: PASSWORD }, from('198.51.100.50'))).status).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await signIn({ ...user, password: 'Wrong-Passw0rd!' }, from(`192.0.2.${100 + i}`))).status).toBe(401);
    // From here each new address waits 1, 2, 4 … s after the last failure (how many are admitted depends on the
    // machine's speed; that some are slowed, and for at most a minute, does not).
    const next: SignInResponse[] = [];
    for (let i = 0; i < 6; i++) next.push(await signIn({ ...user, password: 'Wrong-Passw0rd!' }, from(`192.0.2.${120 + i}`)));
    const slowed = next.filter((r) => r.status === 429);
    expect(slowed.length).toBeGreaterThan(0);
    expect(slowed.every((r) => r.body.retryAfterSeconds! <= 60)).toBe(true);
    expect((await signIn({ ...user, password: PASSWORD }, from('198.51.100.50'))).status).toBe(200);
  });

  it('locks a source address out after 20 failures across identities', async () => {
    const address = from('203.0.113.99');
    for (let i = 0; i < 20; i++) {
      expect((await signIn({ type: 'user', account: ACCOUNT, userName: `spray-${i}`, password: 'Wrong-Passw0rd!' }, address)).status).toBe(
        401,
      );
    }
    const locked = await signIn({ type: 'user', account: ACCOUNT, userName: 'si-ivy', password: PASSWORD }, address);
    expect(locked.status).toBe(429);
    await createConsoleUser('si-ivy');
    expect((await signIn({ type: 'user', account: ACCOUNT, userName: 'si-ivy', password: PASSWORD }, from('203.0.113.100'))).status).toBe(
      200,
    );
  }, 60_000);

  it('refuses cross-site requests: text/plain bodies and foreign origins', async () => {
    const body = JSON.stringify({ type: 'root', email: server.rootEmail, password: server.rootPassword });
    const plain = await fetch(`${server.endpoint}/_gatehouse/sign-in`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(plain.status).toBe(415);
    const foreign = await fetch(`${server.endpoint}/_gatehouse/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    const sameOrigin = await signIn(
      { type: 'root', email: server.rootEmail, password: server.rootPassword },
      { ...from('198.51.100.77'), origin: server.endpoint },
    );
    expect(sameOrigin.status).toBe(200);
  });
});

describe('limits without trusted proxies', () => {
  let direct: TestServer;
  beforeAll(async () => {
    direct = await startServer();
  });
  afterAll(async () => direct.stop());

  it('meets the address limit when a sprayer sends a fresh X-Forwarded-For and a new user name each time', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await fetch(`${direct.endpoint}/_gatehouse/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i + 1}` },
        body: JSON.stringify({ type: 'user', account: ACCOUNT, userName: `sprayed-${i}`, password: 'Wrong-Passw0rd!' }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
  }, 60_000);
});
