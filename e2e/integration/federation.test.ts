// STS federation through @aws-sdk/client-sts against a running server: GetFederationToken (the session is the
// intersection of the user's and the session's policies), DecodeAuthorizationMessage, AssumeRoleWithWebIdentity
// (JWT verified against a registered OIDC provider: issuer, audience, expiry, x5c pinned by thumbprint) and the
// honest refusal of AssumeRoleWithSAML.
import { createHash, createPrivateKey, sign, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateAccessKeyCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  CreateUserCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  DecodeAuthorizationMessageCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  type Credentials as StsCredentials,
} from '@aws-sdk/client-sts';
import { errorCode, startServer, type Credentials, type TestServer } from './harness';

const FIXTURES = path.join(__dirname, 'fixtures');
const CERT_A = fs.readFileSync(path.join(FIXTURES, 'cert-a.pem'), 'utf8');
const CERT_B = fs.readFileSync(path.join(FIXTURES, 'cert-b.pem'), 'utf8');
const KEY_A = createPrivateKey(fs.readFileSync(path.join(FIXTURES, 'key-a.pem'), 'utf8'));
const ISSUER = 'https://idp.example.com';
const CLIENT_ID = 'gatehouse-app';

let server: TestServer;
let account: string;

beforeAll(async () => {
  server = await startServer();
  account = server.accountId;
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.reset();
});

const allow = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

function asCredentials(c: StsCredentials | undefined): Credentials {
  return { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken };
}

async function userClient(name: string, policy: string) {
  await server.iam.send(new CreateUserCommand({ UserName: name }));
  await server.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
  const key = (await server.iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  return server.clientFor({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
}

describe('GetFederationToken', () => {
  it('issues federated-user sessions limited to the intersection of the user and session policies', async () => {
    const parent = await userClient('broker', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:List*', 'sts:GetFederationToken'], Resource: '*' }] }));
    const result = await parent.sts.send(new GetFederationTokenCommand({ Name: 'bob', Policy: allow('iam:ListUsers'), DurationSeconds: 900 }));
    expect(result.FederatedUser).toEqual({ FederatedUserId: `${account}:bob`, Arn: `arn:aws:sts::${account}:federated-user/bob` });
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(result.PackedPolicySize).toBeGreaterThan(0);
    const federated = server.clientFor(asCredentials(result.Credentials));
    const identity = await federated.sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Arn: `arn:aws:sts::${account}:federated-user/bob`, UserId: `${account}:bob`, Account: account });
    expect((await federated.iam.send(new ListUsersCommand({}))).Users?.some((u) => u.UserName === 'broker')).toBe(true);
    // The session policy does not allow ListRoles, though the user's policy does.
    expect(await errorCode(federated.iam.send(new ListRolesCommand({})))).toBe('AccessDenied');
    // A session policy cannot widen: CreateUser is not allowed to the user.
    const wide = await parent.sts.send(new GetFederationTokenCommand({ Name: 'eve', Policy: allow('iam:*') }));
    expect(await errorCode(server.clientFor(asCredentials(wide.Credentials)).iam.send(new CreateUserCommand({ UserName: 'x' })))).toBe('AccessDenied');
    // Federated sessions cannot federate again.
    expect(await errorCode(federated.sts.send(new GetFederationTokenCommand({ Name: 'again' })))).toBe('AccessDenied');
  });

  it('grants nothing when no session policy is passed', async () => {
    const parent = await userClient('broker2', allow('*'));
    const result = await parent.sts.send(new GetFederationTokenCommand({ Name: 'nopolicy' }));
    const federated = server.clientFor(asCredentials(result.Credentials));
    expect(await errorCode(federated.iam.send(new ListUsersCommand({})))).toBe('AccessDenied');
    expect((await federated.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${account}:federated-user/nopolicy`);
  });

  it('rejects malformed session policies', async () => {
    expect(await errorCode(server.sts.send(new GetFederationTokenCommand({ Name: 'bad', Policy: '{"Version":"2012-10-17"}' })))).toBe('MalformedPolicyDocument');
  });
});

describe('DecodeAuthorizationMessage', () => {
  it('answers InvalidAuthorizationMessageException for messages Gatehouse did not issue', async () => {
    expect(await errorCode(server.sts.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'not-an-encoded-message' })))).toBe(
      'InvalidAuthorizationMessageException',
    );
  });
});

function base64url(value: object | Buffer): string {
  return (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');
}

function idToken(claims: Record<string, unknown>, options: { x5c?: string[] | null; tamper?: boolean } = {}): string {
  const header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' };
  const x5c = options.x5c === undefined ? [new X509Certificate(CERT_A).raw.toString('base64')] : options.x5c;
  if (x5c) header.x5c = x5c;
  const now = Math.floor(Date.now() / 1000);
  const body = { iss: ISSUER, aud: CLIENT_ID, sub: 'user-123', iat: now, exp: now + 600, ...claims };
  const signingInput = `${base64url(header)}.${base64url(body)}`;
  const signature = sign('sha256', Buffer.from(signingInput), KEY_A);
  if (options.tamper) signature[0] ^= 0xff;
  return `${signingInput}.${base64url(signature)}`;
}

async function registerProvider(thumbprintOf = CERT_A): Promise<string> {
  const thumbprint = createHash('sha1').update(new X509Certificate(thumbprintOf).raw).digest('hex');
  const created = await server.iam.send(new CreateOpenIDConnectProviderCommand({ Url: ISSUER, ClientIDList: [CLIENT_ID], ThumbprintList: [thumbprint] }));
  return created.OpenIDConnectProviderArn!;
}

async function webIdentityRole(providerArn: string, subject = 'user-123'): Promise<string> {
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'idp.example.com:aud': CLIENT_ID, 'idp.example.com:sub': subject } },
      },
    ],
  });
  const role = (await server.iam.send(new CreateRoleCommand({ RoleName: 'web-role', AssumeRolePolicyDocument: trust }))).Role!;
  await server.iam.send(new PutRolePolicyCommand({ RoleName: 'web-role', PolicyName: 'list', PolicyDocument: allow('iam:ListUsers') }));
  return role.Arn!;
}

describe('AssumeRoleWithWebIdentity', () => {
  it('issues a role session for a valid token of a registered provider that the trust policy admits', async () => {
    const providerArn = await registerProvider();
    const roleArn = await webIdentityRole(providerArn);
    const result = await server.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'web', WebIdentityToken: idToken({}) }));
    expect(result.SubjectFromWebIdentityToken).toBe('user-123');
    expect(result.Audience).toBe(CLIENT_ID);
    expect(result.Provider).toBe(ISSUER);
    expect(result.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${account}:assumed-role/web-role/web`);
    const session = server.clientFor(asCredentials(result.Credentials));
    expect((await session.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${account}:assumed-role/web-role/web`);
    expect(Array.isArray((await session.iam.send(new ListUsersCommand({}))).Users)).toBe(true);
    expect(await errorCode(session.iam.send(new ListRolesCommand({})))).toBe('AccessDenied');
  });

  it('is served unsigned, as AWS does', async () => {
    const providerArn = await registerProvider();
    const roleArn = await webIdentityRole(providerArn);
    const body = new URLSearchParams({
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: roleArn,
      RoleSessionName: 'anonymous',
      WebIdentityToken: idToken({}),
    });
    const response = await fetch(server.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain('<SubjectFromWebIdentityToken>user-123</SubjectFromWebIdentityToken>');
    const unsignedOther = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: 'GetCallerIdentity', Version: '2011-06-15' }),
    });
    expect(unsignedOther.status).toBe(403);
  });

  it('rejects tokens of unknown issuers, wrong audiences, expired, unsigned, unpinned or tampered tokens', async () => {
    const providerArn = await registerProvider();
    const roleArn = await webIdentityRole(providerArn);
    const call = (token: string) => errorCode(server.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'web-session', WebIdentityToken: token })));
    expect(await call('not.a.jwt')).toBe('InvalidIdentityToken');
    expect(await call(idToken({ iss: 'https://other.example.com' }))).toBe('InvalidIdentityToken');
    expect(await call(idToken({ aud: 'someone-else' }))).toBe('InvalidIdentityToken');
    expect(await call(idToken({ exp: Math.floor(Date.now() / 1000) - 60 }))).toBe('ExpiredTokenException');
    expect(await call(idToken({}, { x5c: null }))).toBe('InvalidIdentityToken');
    expect(await call(idToken({}, { x5c: [new X509Certificate(CERT_B).raw.toString('base64')] }))).toBe('InvalidIdentityToken');
    expect(await call(idToken({}, { tamper: true }))).toBe('InvalidIdentityToken');
    // A valid token whose subject the trust policy does not admit.
    expect(await call(idToken({ sub: 'intruder' }))).toBe('AccessDenied');
  });
});

describe('AssumeRoleWithSAML', () => {
  it('refuses honestly: Gatehouse cannot verify SAML assertion signatures', async () => {
    const metadata = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/saml"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor><!-- ${'padding '.repeat(120)} --></md:EntityDescriptor>`;
    const providerArn = (await server.iam.send(new CreateSAMLProviderCommand({ Name: 'idp', SAMLMetadataDocument: metadata }))).SAMLProviderArn!;
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn }, Action: 'sts:AssumeRoleWithSAML' }],
    });
    const roleArn = (await server.iam.send(new CreateRoleCommand({ RoleName: 'saml-role', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
    const assertion = Buffer.from('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:Assertion/></samlp:Response>').toString('base64');
    const send = (principalArn: string, samlAssertion: string) =>
      errorCode(server.sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: roleArn, PrincipalArn: principalArn, SAMLAssertion: samlAssertion })));
    expect(await send(providerArn, assertion)).toBe('InvalidIdentityToken');
    expect(await send(`arn:aws:iam::${account}:saml-provider/missing`, assertion)).toBe('InvalidIdentityToken');
    expect(await send(providerArn, Buffer.from('hello there').toString('base64'))).toBe('InvalidIdentityToken');
  });
});
