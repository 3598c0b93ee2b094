// SigV4 authentication end to end: real SDK clients and raw HTTP (fetch) against a running server — tampered
// body, header, date and signature, wrong service and region in the scope, presigned URLs, expired and forged
// sessions, inactive keys, and a fuzz test that malformed Authorization headers never cause a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { serveWebRequest } from '../../lib/protocol/web-adapter';
import { startServer, errorCode, type Credentials, type TestServer } from './harness';

let server: TestServer;
let userKeys: Credentials;

beforeAll(async () => {
  server = await startServer();
  await server.iam.send(new CreateUserCommand({ UserName: 'auth-alice', Path: '/auth/' }));
  const key = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'auth-alice' }));
  userKeys = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
});
afterAll(async () => {
  await server.stop();
});

const GET_USER_BODY = 'Action=GetUser&Version=2010-05-08';

function host(): string {
  return new URL(server.endpoint).host;
}

/** Signs a form POST with @smithy/signature-v4 and returns what fetch needs. */
async function signedPost(
  body: string,
  options: { credentials?: Credentials; service?: string; region?: string; signingDate?: Date; path?: string } = {},
) {
  const signer = new SignatureV4({
    credentials: options.credentials ?? server.credentials,
    region: options.region ?? 'us-east-1',
    service: options.service ?? 'iam',
    sha256: Sha256,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: options.path ?? '/',
      headers: { host: host(), 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    }),
    { signingDate: options.signingDate },
  );
  return { headers: { ...(signed.headers as Record<string, string>) }, body };
}

async function send(request: { headers: Record<string, string>; body: string }, path = '/') {
  const { host: _host, ...headers } = request.headers;
  const response = await fetch(`${server.endpoint}${path}`, { method: 'POST', headers, body: request.body });
  const text = await response.text();
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return { status: response.status, code, message, text };
}

function decodeXml(text: string | undefined): string | undefined {
  return text
    ?.replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('SigV4 through the SDK', () => {
  it('accepts the admin key and a freshly created user key', async () => {
    const admin = await server.sts.send(new GetCallerIdentityCommand({}));
    expect(admin.Arn).toMatch(/^arn:aws:iam::123456789012:user\//);
    const alice = server.clientFor(userKeys);
    const identity = await alice.sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe('arn:aws:iam::123456789012:user/auth/auth-alice');
    expect(identity.UserId).toMatch(/^AIDA/);
    // Authenticated, then authorized: alice has no policies.
    expect(await errorCode(alice.iam.send(new GetUserCommand({})))).toBe('AccessDenied');
  });

  it('records the access key last use', async () => {
    const record = (await server.service.store.accessKeys.get(userKeys.accessKeyId))!;
    expect(record.lastUsedDate).toBeDefined();
    expect(['iam', 'sts']).toContain(record.lastUsedService);
    expect(record.lastUsedRegion).toBe('us-east-1');
  });

  it('answers SignatureDoesNotMatch for a wrong secret and InvalidClientTokenId for an unknown key', async () => {
    const wrongSecret = server.clientFor({ accessKeyId: userKeys.accessKeyId, secretAccessKey: 'x'.repeat(40) });
    expect(await errorCode(wrongSecret.sts.send(new GetCallerIdentityCommand({})))).toBe('SignatureDoesNotMatch');
    const unknown = server.clientFor({ accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x'.repeat(40) });
    expect(await errorCode(unknown.iam.send(new GetUserCommand({})))).toBe('InvalidClientTokenId');
  });

  it('rejects an inactive key and accepts it again once reactivated', async () => {
    const key = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'auth-alice' }));
    const creds = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
    const client = server.clientFor(creds);
    await client.sts.send(new GetCallerIdentityCommand({}));
    await server.iam.send(new UpdateAccessKeyCommand({ UserName: 'auth-alice', AccessKeyId: creds.accessKeyId, Status: 'Inactive' }));
    expect(await errorCode(client.sts.send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
    await server.iam.send(new UpdateAccessKeyCommand({ UserName: 'auth-alice', AccessKeyId: creds.accessKeyId, Status: 'Active' }));
    expect((await client.sts.send(new GetCallerIdentityCommand({}))).Arn).toContain('auth-alice');
  });
});

describe('SigV4 over raw HTTP', () => {
  it('answers MissingAuthenticationToken without credentials', async () => {
    const response = await send({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: GET_USER_BODY });
    expect(response).toMatchObject({ status: 403, code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token' });
  });

  it('accepts a correctly signed request', async () => {
    const response = await send(await signedPost(GET_USER_BODY));
    expect(response.status).toBe(200);
    expect(response.text).toContain('<GetUserResponse');
  });

  it('rejects a tampered body, header, date and signature with SignatureDoesNotMatch', async () => {
    const signed = await signedPost(GET_USER_BODY);
    const expected = {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    };
    expect(await send({ ...signed, body: 'Action=GetUser&Version=2010-05-08&UserName=auth-alice' })).toMatchObject(expected);
    expect(await send({ ...signed, headers: { ...signed.headers, 'content-type': 'application/x-www-form-urlencoded' } })).toMatchObject(
      expected,
    );
    const later = signed.headers['x-amz-date'].replace(/\d{2}Z$/, (s) => `${String((Number(s.slice(0, 2)) + 1) % 60).padStart(2, '0')}Z`);
    expect(await send({ ...signed, headers: { ...signed.headers, 'x-amz-date': later } })).toMatchObject(expected);
    const signature = /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization)![1];
    const forged = signed.headers.authorization.replace(signature, signature.split('').reverse().join(''));
    expect(await send({ ...signed, headers: { ...signed.headers, authorization: forged } })).toMatchObject(expected);
  });

  it('rejects a region changed in the scope and a scope for the wrong service', async () => {
    const signed = await signedPost(GET_USER_BODY);
    const otherRegion = signed.headers.authorization.replace('/us-east-1/', '/eu-west-1/');
    expect(await send({ ...signed, headers: { ...signed.headers, authorization: otherRegion } })).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    // A request correctly signed for a region the endpoint does not serve is refused, as AWS's global IAM
    // endpoint refuses one not scoped to us-east-1.
    for (const region of ['eu-west-1', 'xx-fake-9']) {
      const elsewhere = await send(await signedPost(GET_USER_BODY, { region }));
      expect(elsewhere).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
      expect(decodeXml(elsewhere.message)).toBe(`Credential should be scoped to a valid region, not '${region}'. `);
    }
    // STS has regional endpoints: a scope naming a real region is served, one that does not exist is not.
    const stsRegional = await send(
      await signedPost('Action=GetCallerIdentity&Version=2011-06-15', { service: 'sts', region: 'eu-west-1' }),
    );
    expect(stsRegional.status).toBe(200);
    const stsElsewhere = await send(
      await signedPost('Action=GetCallerIdentity&Version=2011-06-15', { service: 'sts', region: 'xx-fake-9' }),
    );
    expect(stsElsewhere).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(stsElsewhere.text).toContain('xmlns="https://sts.amazonaws.com/doc/2011-06-15/"');
    const wrongService = await send(await signedPost(GET_USER_BODY, { service: 'sts' }));
    expect(wrongService).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(decodeXml(wrongService.message)).toBe("Credential should be scoped to correct service: 'iam'. ");
  });

  it('rejects a request signed more than 15 minutes ago with AWS expiry message', async () => {
    const old = await send(await signedPost(GET_USER_BODY, { signingDate: new Date(Date.now() - 20 * 60_000) }));
    expect(old).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(old.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
    const future = await send(await signedPost(GET_USER_BODY, { signingDate: new Date(Date.now() + 20 * 60_000) }));
    expect(future.message).toMatch(/^Signature not yet current/);
  });

  it('answers IncompleteSignature for a malformed Authorization header', async () => {
    const signed = await signedPost(GET_USER_BODY);
    const response = await send({ ...signed, headers: { ...signed.headers, authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/2026' } });
    expect(response).toMatchObject({ status: 400, code: 'IncompleteSignature' });
  });

  it('verifies requests signed for the /aws mount of the console (signed path)', async () => {
    const signed = await signedPost(GET_USER_BODY, { path: '/aws' });
    const request = new Request(`http://${host()}/aws`, { method: 'POST', headers: signed.headers, body: signed.body });
    const response = await serveWebRequest(server.service.handler, request, '/aws', 1 << 20, '127.0.0.1');
    expect(response.status).toBe(200);
    const unsignedMount = await signedPost(GET_USER_BODY, { path: '/' });
    const rejected = await serveWebRequest(
      server.service.handler,
      new Request(`http://${host()}/aws`, { method: 'POST', headers: unsignedMount.headers, body: unsignedMount.body }),
      '/aws',
      1 << 20,
      '127.0.0.1',
    );
    expect(rejected.status).toBe(403);
  });
});

describe('presigned URLs', () => {
  async function presign(signingDate: Date, expiresIn: number, credentials: Credentials = userKeys) {
    const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'sts', sha256: Sha256 });
    const presigned = await signer.presign(
      new HttpRequest({
        method: 'GET',
        protocol: 'http:',
        hostname: '127.0.0.1',
        path: '/',
        headers: { host: host() },
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      }),
      { signingDate, expiresIn },
    );
    const query = Object.entries(presigned.query ?? {})
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    return `${server.endpoint}/?${query}`;
  }

  it('accepts a presigned GET and rejects it once expired or tampered with', async () => {
    const url = await presign(new Date(), 300);
    const ok = await fetch(url);
    const text = await ok.text();
    expect(ok.status).toBe(200);
    expect(text).toContain('<Arn>arn:aws:iam::123456789012:user/auth/auth-alice</Arn>');

    const expired = await fetch(await presign(new Date(Date.now() - 120_000), 60));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>\s*<Message>Signature expired/);

    const tampered = await fetch(url.replace('GetCallerIdentity', 'GetSessionToken'));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});

describe('temporary credentials', () => {
  it('accept the session token, and reject a missing or forged one and an expired session', async () => {
    const alice = server.clientFor(userKeys);
    const session = (await alice.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials!;
    expect(session.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(session.SecretAccessKey).toHaveLength(40);
    const creds = { accessKeyId: session.AccessKeyId!, secretAccessKey: session.SecretAccessKey!, sessionToken: session.SessionToken! };
    const ok = await server.clientFor(creds).sts.send(new GetCallerIdentityCommand({}));
    expect(ok.Arn).toBe('arn:aws:iam::123456789012:user/auth/auth-alice');

    const noToken = server.clientFor({ accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey });
    expect(await errorCode(noToken.sts.send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
    const forged = server.clientFor({ ...creds, sessionToken: creds.sessionToken.slice(0, -4) + 'AAAA' });
    expect(await errorCode(forged.sts.send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
    const tokenOnLongTermKey = server.clientFor({ ...userKeys, sessionToken: creds.sessionToken });
    expect(await errorCode(tokenOnLongTermKey.sts.send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');

    // Only the SHA-256 of the token is stored.
    const stored = (await server.service.store.sessions.get(creds.accessKeyId))!;
    expect(stored.sessionTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(creds.sessionToken);
    expect(JSON.stringify(stored)).not.toContain(creds.secretAccessKey);

    await server.execute('UPDATE sessions SET expiration = ? WHERE access_key_id = ?', [
      new Date(Date.now() - 1000).toISOString(),
      creds.accessKeyId,
    ]);
    try {
      await server.clientFor(creds).sts.send(new GetCallerIdentityCommand({}));
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe('ExpiredToken');
      expect((error as Error).message).toBe('The security token included in the request is expired');
    }
  });
});

describe('fuzz: malformed Authorization headers', () => {
  it('never cause a 500 (handler called directly)', async () => {
    const token = fc.stringMatching(/^[A-Za-z0-9/=+;,:_ .-]{0,30}$/);
    const authorization = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .tuple(
          fc.constantFrom('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA256 ', 'AWS ', ''),
          fc.array(fc.tuple(fc.constantFrom('Credential', 'SignedHeaders', 'Signature', 'X', ''), token), { maxLength: 5 }),
          fc.constantFrom(',', ', ', ' ', ';'),
        )
        .map(([algorithm, fields, separator]) => algorithm + fields.map(([k, v]) => `${k}=${v}`).join(separator)),
      fc
        .tuple(fc.array(token, { minLength: 0, maxLength: 7 }), token, fc.stringMatching(/^[0-9a-f]{0,70}$/))
        .map(([scope, headers, sig]) => `AWS4-HMAC-SHA256 Credential=${scope.join('/')}, SignedHeaders=${headers}, Signature=${sig}`),
    );
    const amzDate = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 20 }),
      fc.constant(new Date().toISOString().replace(/[-:]|\.\d{3}/g, '')),
    );
    const query = fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 60 }),
      token.map((t) => `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${t}&X-Amz-Expires=${t}`),
    );
    await fc.assert(
      fc.asyncProperty(authorization, amzDate, query, fc.boolean(), async (auth, date, rawQuery, withAuth) => {
        const headers: Record<string, string | undefined> = { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' };
        if (withAuth) headers.authorization = auth;
        if (date !== undefined) headers['x-amz-date'] = date;
        const response = await server.service.handler({
          method: 'POST',
          path: '/',
          query: rawQuery,
          headers,
          body: GET_USER_BODY,
          sourceIp: '127.0.0.1',
          secure: false,
        });
        expect(response.status).toBeLessThan(500);
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('root access keys', () => {
  it('authenticate as the root user', async () => {
    const response = await fetch(`${server.endpoint}/_gatehouse/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'root', email: server.rootEmail, password: server.rootPassword }),
    });
    const { credentials } = (await response.json()) as { credentials: Credentials };
    const rootSession = server.clientFor({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    });
    const key = await rootSession.iam.send(new CreateAccessKeyCommand({}));
    const root = server.clientFor({ accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! });
    expect(await root.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Arn: 'arn:aws:iam::123456789012:root',
      UserId: '123456789012',
    });
    const rootToken = await root.sts.send(new GetSessionTokenCommand({ DurationSeconds: 7200 }));
    // AWS: sessions of the root user last at most one hour.
    expect(rootToken.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
  });
});

describe('cached credentials', () => {
  it('do not outlive a reset: the re-created admin key resolves to the new admin user, old keys are gone', async () => {
    const before = await server.sts.send(new GetCallerIdentityCommand({}));
    await server.reset();
    const after = await server.sts.send(new GetCallerIdentityCommand({}));
    expect(after.Arn).toBe(before.Arn);
    expect(after.UserId).not.toBe(before.UserId);
    expect(await errorCode(server.clientFor(userKeys).sts.send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
  });
});
