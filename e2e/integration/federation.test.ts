// STS federation through @aws-sdk/client-sts against a running server: GetFederationToken (the session is the
// intersection of the user's and the session's policies), DecodeAuthorizationMessage, AssumeRoleWithWebIdentity
// (JWT verified against a registered OIDC provider: issuer, audience, expiry, x5c pinned by thumbprint) and the
// AssumeRoleWithSAML (XML-signed responses verified against the provider's metadata certificates).
import { createHash, createPrivateKey, sign, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AccessAnalyzerClient,
  CheckNoPublicAccessCommand,
  ListPolicyGenerationsCommand,
  ValidatePolicyCommand,
} from '@aws-sdk/client-accessanalyzer';
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
  TagUserCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  DecodeAuthorizationMessageCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  type Credentials as StsCredentials,
} from '@aws-sdk/client-sts';
import { SignedXml } from 'xml-crypto';
import { errorCode, startServer, type Credentials, type TestServer } from './harness';

const FIXTURES = path.join(__dirname, 'fixtures');
const CERT_A = fs.readFileSync(path.join(FIXTURES, 'cert-a.pem'), 'utf8');
const CERT_B = fs.readFileSync(path.join(FIXTURES, 'cert-b.pem'), 'utf8');
const KEY_A_PEM = fs.readFileSync(path.join(FIXTURES, 'key-a.pem'), 'utf8');
const KEY_A = createPrivateKey(KEY_A_PEM);
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

const allow = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

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
  // The session's permissions are shown on Access Analyzer: AWS lets federated users call no IAM API at all.
  const analyzer = (credentials: Credentials) =>
    new AccessAnalyzerClient({ endpoint: server.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  const POLICY = allow('s3:GetObject');

  it('issues federated-user sessions limited to the intersection of the user and session policies', async () => {
    const parent = await userClient(
      'broker',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['iam:List*', 'access-analyzer:ValidatePolicy', 'access-analyzer:ListPolicyGenerations'],
            Resource: '*',
          },
          { Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' },
        ],
      }),
    );
    const result = await parent.sts.send(
      new GetFederationTokenCommand({ Name: 'bob', Policy: allow('access-analyzer:ValidatePolicy'), DurationSeconds: 900 }),
    );
    expect(result.FederatedUser).toEqual({ FederatedUserId: `${account}:bob`, Arn: `arn:aws:sts::${account}:federated-user/bob` });
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(result.PackedPolicySize).toBeGreaterThan(0);
    const credentials = asCredentials(result.Credentials);
    const federated = server.clientFor(credentials);
    const identity = await federated.sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Arn: `arn:aws:sts::${account}:federated-user/bob`, UserId: `${account}:bob`, Account: account });
    expect(
      (await analyzer(credentials).send(new ValidatePolicyCommand({ policyDocument: POLICY, policyType: 'IDENTITY_POLICY' }))).findings,
    ).toBeDefined();
    // The session policy does not allow ListPolicyGenerations, though the user's policy does.
    expect(await errorCode(analyzer(credentials).send(new ListPolicyGenerationsCommand({})))).toBe('AccessDeniedException');
    // A session policy cannot widen: CheckNoPublicAccess is not allowed to the user.
    const wide = asCredentials(
      (await parent.sts.send(new GetFederationTokenCommand({ Name: 'eve', Policy: allow('access-analyzer:*') }))).Credentials,
    );
    expect(
      await errorCode(analyzer(wide).send(new CheckNoPublicAccessCommand({ policyDocument: POLICY, resourceType: 'AWS::S3::Bucket' }))),
    ).toBe('AccessDeniedException');
    // AWS GetFederationToken API reference: no IAM operation, whatever the policies allow.
    expect(await errorCode(federated.iam.send(new ListUsersCommand({})))).toBe('InvalidClientTokenId');
    // Federated sessions cannot federate again.
    expect(await errorCode(federated.sts.send(new GetFederationTokenCommand({ Name: 'again' })))).toBe('AccessDenied');
  });

  it('grants nothing when no session policy is passed', async () => {
    const parent = await userClient('broker2', allow('*'));
    const result = await parent.sts.send(new GetFederationTokenCommand({ Name: 'nopolicy' }));
    const credentials = asCredentials(result.Credentials);
    const denied = analyzer(credentials).send(new ValidatePolicyCommand({ policyDocument: POLICY, policyType: 'IDENTITY_POLICY' }));
    expect(await errorCode(denied)).toBe('AccessDeniedException');
    expect((await server.clientFor(credentials).sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:sts::${account}:federated-user/nopolicy`,
    );
  });

  // IAM User Guide, "Passing session tags using GetFederationToken": the user needs sts:TagSession too; the GetFederationToken
  // API reference: "session tags override a user tag with the same key" (the user's tags are the session's too).
  it('takes session tags only with sts:TagSession, and gives the session its user’s tags under them', async () => {
    const parent = await userClient(
      'tagging-broker',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' },
          {
            Effect: 'Allow',
            Action: 'access-analyzer:ValidatePolicy',
            Resource: '*',
            Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/site': 'lab' } },
          },
        ],
      }),
    );
    await server.iam.send(
      new TagUserCommand({
        UserName: 'tagging-broker',
        Tags: [
          { Key: 'team', Value: 'red' },
          { Key: 'site', Value: 'lab' },
        ],
      }),
    );
    const request = { Name: 'tagged', Policy: allow('access-analyzer:ValidatePolicy'), Tags: [{ Key: 'team', Value: 'blue' }] };
    const denied = await parent.sts.send(new GetFederationTokenCommand(request)).then(
      () => undefined,
      (error: { name: string; message: string }) => error,
    );
    expect(denied).toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${account}:user/tagging-broker is not authorized to perform: sts:TagSession on resource: arn:aws:sts::${account}:federated-user/tagged because no identity-based policy allows the sts:TagSession action`,
    });
    await server.iam.send(
      new PutUserPolicyCommand({ UserName: 'tagging-broker', PolicyName: 'tag', PolicyDocument: allow('sts:TagSession') }),
    );
    const credentials = asCredentials((await parent.sts.send(new GetFederationTokenCommand(request))).Credentials);
    // team=blue (the session tag over the user's red) and site=lab (the user's own).
    const validate = new ValidatePolicyCommand({ policyDocument: POLICY, policyType: 'IDENTITY_POLICY' });
    expect((await analyzer(credentials).send(validate)).findings).toBeDefined();
  });

  it('rejects malformed session policies', async () => {
    expect(await errorCode(server.sts.send(new GetFederationTokenCommand({ Name: 'bad', Policy: '{"Version":"2012-10-17"}' })))).toBe(
      'MalformedPolicyDocument',
    );
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

function idToken(
  claims: Record<string, unknown>,
  options: { x5c?: string[] | null; tamper?: boolean; key?: ReturnType<typeof createPrivateKey> } = {},
): string {
  const header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' };
  const x5c = options.x5c === undefined ? [new X509Certificate(CERT_A).raw.toString('base64')] : options.x5c;
  if (x5c) header.x5c = x5c;
  const now = Math.floor(Date.now() / 1000);
  const body = { iss: ISSUER, aud: CLIENT_ID, sub: 'user-123', iat: now, exp: now + 600, ...claims };
  const signingInput = `${base64url(header)}.${base64url(body)}`;
  const signature = sign('sha256', Buffer.from(signingInput), options.key ?? KEY_A);
  if (options.tamper) signature[0] ^= 0xff;
  return `${signingInput}.${base64url(signature)}`;
}

async function registerProvider(thumbprintOf = CERT_A): Promise<string> {
  const thumbprint = createHash('sha1').update(new X509Certificate(thumbprintOf).raw).digest('hex');
  const created = await server.iam.send(
    new CreateOpenIDConnectProviderCommand({ Url: ISSUER, ClientIDList: [CLIENT_ID], ThumbprintList: [thumbprint] }),
  );
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
    const result = await server.sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'web', WebIdentityToken: idToken({}) }),
    );
    expect(result.SubjectFromWebIdentityToken).toBe('user-123');
    expect(result.Audience).toBe(CLIENT_ID);
    expect(result.Provider).toBe(ISSUER);
    expect(result.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${account}:assumed-role/web-role/web`);
    const session = server.clientFor(asCredentials(result.Credentials));
    expect((await session.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${account}:assumed-role/web-role/web`);
    expect(Array.isArray((await session.iam.send(new ListUsersCommand({}))).Users)).toBe(true);
    expect(await errorCode(session.iam.send(new ListRolesCommand({})))).toBe('AccessDenied');
  });

  it("gives the trust policy the role's tags (aws:ResourceTag/*), as AssumeRole does", async () => {
    const providerArn = await registerProvider();
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'idp.example.com:aud': CLIENT_ID, 'aws:ResourceTag/tier': 'dev' } },
        },
      ],
    });
    for (const [roleName, tags] of [
      ['web-dev', [{ Key: 'tier', Value: 'dev' }]],
      ['web-prod', [{ Key: 'tier', Value: 'prod' }]],
      ['web-untagged', undefined],
    ] as const) {
      await server.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust, Tags: tags && [...tags] }));
    }
    const assume = (roleName: string) =>
      server.sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: `arn:aws:iam::${account}:role/${roleName}`,
          RoleSessionName: 'tags',
          WebIdentityToken: idToken({}),
        }),
      );
    expect((await assume('web-dev')).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${account}:assumed-role/web-dev/tags`);
    expect(await errorCode(assume('web-prod'))).toBe('AccessDenied');
    expect(await errorCode(assume('web-untagged'))).toBe('AccessDenied');
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
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
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
    const call = (token: string) =>
      errorCode(
        server.sts.send(
          new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'web-session', WebIdentityToken: token }),
        ),
      );
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

describe('AssumeRoleWithWebIdentity with a provider pinned by a CA', () => {
  // AWS: the thumbprint is usually of the top intermediate CA of the issuer's TLS certificate. A token chain pinned
  // by a CA is trusted only when it ends in a certificate for the issuer's host (as that TLS connection would):
  // another holder of a certificate from the same CA cannot sign tokens for any subject.
  const pem = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  const der = (name: string) => new X509Certificate(pem(name)).raw.toString('base64');

  it('accepts the issuer host’s certificate under the pinned CA, and refuses another host’s or a CA as signer', async () => {
    const providerArn = await registerProvider(pem('oidc-ca.pem'));
    const roleArn = await webIdentityRole(providerArn, 'victim-admin');
    const call = (token: string) =>
      server.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'ca-pinned', WebIdentityToken: token }));
    const idp = createPrivateKey(pem('oidc-idp-key.pem'));
    const attacker = createPrivateKey(pem('oidc-attacker-key.pem'));
    const issued = await call(idToken({ sub: 'victim-admin' }, { x5c: [der('oidc-idp.pem'), der('oidc-ca.pem')], key: idp }));
    expect(issued.AssumedRoleUser?.Arn).toContain(':assumed-role/');
    const refused = await call(
      idToken({ sub: 'victim-admin' }, { x5c: [der('oidc-attacker.pem'), der('oidc-ca.pem')], key: attacker }),
    ).then(
      () => undefined,
      (error: { name: string; message: string }) => error,
    );
    expect(refused).toMatchObject({
      name: 'InvalidIdentityTokenException',
      message: 'The signing certificate of the web identity token is not a certificate for idp.example.com.',
    });
    // More certificates than any chain needs: refused before any signature is checked.
    const long = Array.from({ length: 6 }, () => der('oidc-ca.pem'));
    expect(await errorCode(call(idToken({ sub: 'victim-admin' }, { x5c: long, key: idp })))).toBe('InvalidIdentityToken');
  });
});

describe('session tags from identity providers', () => {
  /** A role trusting `providerArn` for `action` (and sts:TagSession when `tagSession`), whose policy reads the session's team tag. */
  async function taggedRole(providerArn: string, action: string, tagSession: boolean): Promise<string> {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn }, Action: tagSession ? [action, 'sts:TagSession'] : action }],
    });
    const role = (await server.iam.send(new CreateRoleCommand({ RoleName: 'tagged-role', AssumeRolePolicyDocument: trust }))).Role!;
    await server.iam.send(
      new PutRolePolicyCommand({
        RoleName: 'tagged-role',
        PolicyName: 'blue-team-only',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } },
          ],
        }),
      }),
    );
    return role.Arn!;
  }

  it('the OIDC tags claim becomes session tags, when the trust policy allows sts:TagSession', async () => {
    const providerArn = await registerProvider();
    const roleArn = await taggedRole(providerArn, 'sts:AssumeRoleWithWebIdentity', true);
    const token = (team: string) =>
      idToken({ 'https://aws.amazon.com/tags': { principal_tags: { team: [team] }, transitive_tag_keys: ['team'] } });
    const assume = (team: string) =>
      server.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: team, WebIdentityToken: token(team) }));
    const blue = server.clientFor(asCredentials((await assume('blue')).Credentials));
    expect(Array.isArray((await blue.iam.send(new ListUsersCommand({}))).Users)).toBe(true);
    const red = server.clientFor(asCredentials((await assume('red')).Credentials));
    expect(await errorCode(red.iam.send(new ListUsersCommand({})))).toBe('AccessDenied');
    const bad = idToken({ 'https://aws.amazon.com/tags': { principal_tags: { team: ['blue'] }, transitive_tag_keys: ['unknown'] } });
    expect(
      await errorCode(
        server.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'x1', WebIdentityToken: bad })),
      ),
    ).toBe('InvalidIdentityToken');
  });

  it('without sts:TagSession in the trust policy, a tagged token is refused', async () => {
    const providerArn = await registerProvider();
    const roleArn = await taggedRole(providerArn, 'sts:AssumeRoleWithWebIdentity', false);
    const token = idToken({ 'https://aws.amazon.com/tags': { principal_tags: { team: ['blue'] } } });
    expect(
      await errorCode(
        server.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'x2', WebIdentityToken: token })),
      ),
    ).toBe('AccessDenied');
  });
});

describe('AssumeRoleWithSAML', () => {
  const IDP = 'https://idp.example.com/saml';
  const AWS_SAML = 'https://signin.aws.amazon.com/saml';
  const certBody = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s+/g, '');
  const metadata = (certificate: string) =>
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${IDP}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;

  interface ResponseOptions {
    role: string;
    provider: string;
    sessionName?: string;
    subject?: string;
    audience?: string;
    notOnOrAfter?: Date;
    sign?: 'assertion' | 'response';
    key?: string;
    sourceIdentity?: string;
    tags?: Record<string, string>;
    /** The Subject's SubjectConfirmation elements, replacing the one bearer confirmation for AWS. */
    confirmation?: (until: string) => string;
  }

  /** A SAML response as an IdP posts it, signed (RSA-SHA256, exclusive c14n) with key A unless told otherwise. */
  function samlResponse(o: ResponseOptions): string {
    const now = new Date();
    const until = (o.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString();
    const attribute = (name: string, value: string) =>
      `<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/${name}"><saml:AttributeValue>${value}</saml:AttributeValue></saml:Attribute>`;
    const xml =
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_response1" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${AWS_SAML}">` +
      `<saml:Issuer>${IDP}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
      `<saml:Assertion ID="_assertion1" Version="2.0" IssueInstant="${now.toISOString()}"><saml:Issuer>${IDP}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${o.subject ?? 'alice@example.com'}</saml:NameID>` +
      (o.confirmation?.(until) ??
        `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${AWS_SAML}"/></saml:SubjectConfirmation>`) +
      `</saml:Subject>` +
      `<saml:Conditions NotBefore="${new Date(now.getTime() - 60_000).toISOString()}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${o.audience ?? AWS_SAML}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${now.toISOString()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>${attribute('Role', `${o.role},${o.provider}`)}${attribute('RoleSessionName', o.sessionName ?? 'alice')}${o.sourceIdentity ? attribute('SourceIdentity', o.sourceIdentity) : ''}${Object.entries(
        o.tags ?? {},
      )
        .map(([k, v]) => attribute(`PrincipalTag:${k}`, v))
        .join('')}</saml:AttributeStatement>` +
      `</saml:Assertion></samlp:Response>`;
    const target = o.sign === 'response' ? 'Response' : 'Assertion';
    const signer = new SignedXml({
      privateKey: o.key ?? KEY_A_PEM,
      publicCert: CERT_A,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    signer.addReference({
      xpath: `//*[local-name(.)='${target}']`,
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    });
    signer.computeSignature(xml, { location: { reference: `//*[local-name(.)='${target}']/*[local-name(.)='Issuer']`, action: 'after' } });
    return Buffer.from(signer.getSignedXml()).toString('base64');
  }

  async function setUp(trustCondition?: object) {
    const providerArn = (await server.iam.send(new CreateSAMLProviderCommand({ Name: 'idp', SAMLMetadataDocument: metadata(CERT_A) })))
      .SAMLProviderArn!;
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: trustCondition ?? { StringEquals: { 'SAML:aud': AWS_SAML } },
        },
      ],
    });
    const roleArn = (await server.iam.send(new CreateRoleCommand({ RoleName: 'saml-role', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
    return { providerArn, roleArn };
  }

  const assume = (roleArn: string, providerArn: string, samlAssertion: string) =>
    server.sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: roleArn, PrincipalArn: providerArn, SAMLAssertion: samlAssertion }));

  it('issues a role session for a response signed by the provider’s certificate, with AWS’s answer fields', async () => {
    const { providerArn, roleArn } = await setUp();
    for (const sign of ['assertion', 'response'] as const) {
      const result = await assume(roleArn, providerArn, samlResponse({ role: roleArn, provider: providerArn, sign }));
      expect(result).toMatchObject({
        Subject: 'alice@example.com',
        SubjectType: 'persistent',
        Issuer: IDP,
        Audience: AWS_SAML,
        NameQualifier: createHash('sha1').update(`${IDP}${account}/idp`).digest('base64'),
        AssumedRoleUser: { Arn: `arn:aws:sts::${account}:assumed-role/saml-role/alice` },
      });
      const sts = server.clientFor(asCredentials(result.Credentials)).sts;
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${account}:assumed-role/saml-role/alice`);
    }
  });

  it('refuses a response whose signature does not verify: tampered, signed by another key, or unsigned', async () => {
    const { providerArn, roleArn } = await setUp();
    const good = Buffer.from(samlResponse({ role: roleArn, provider: providerArn }), 'base64').toString('utf8');
    const tampered = Buffer.from(good.replace('>alice</saml:AttributeValue>', '>mallory</saml:AttributeValue>')).toString('base64');
    expect(await errorCode(assume(roleArn, providerArn, tampered))).toBe('InvalidIdentityToken');
    const otherKey = samlResponse({ role: roleArn, provider: providerArn, key: fs.readFileSync(path.join(FIXTURES, 'key-b.pem'), 'utf8') });
    expect(await errorCode(assume(roleArn, providerArn, otherKey))).toBe('InvalidIdentityToken');
    const unsigned = Buffer.from(good.replace(/<ds:Signature[\s\S]*<\/ds:Signature>|<Signature[\s\S]*<\/Signature>/, '')).toString(
      'base64',
    );
    expect(await errorCode(assume(roleArn, providerArn, unsigned))).toBe('InvalidIdentityToken');
    expect(await errorCode(assume(roleArn, providerArn, Buffer.from('hello there').toString('base64')))).toBe('InvalidIdentityToken');
    expect(
      await errorCode(
        assume(roleArn, `arn:aws:iam::${account}:saml-provider/missing`, samlResponse({ role: roleArn, provider: providerArn })),
      ),
    ).toBe('InvalidIdentityToken');
  });

  it('reads values only from what the signature covers (a forged assertion wrapped around a genuine one gains nothing)', async () => {
    const { providerArn, roleArn } = await setUp();
    const good = Buffer.from(samlResponse({ role: roleArn, provider: providerArn }), 'base64').toString('utf8');
    const genuine = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(good)![0];
    const forged = genuine
      .replace('ID="_assertion1"', 'ID="_forged"')
      .replace('>alice</saml:AttributeValue>', '>mallory</saml:AttributeValue>')
      .replace(/<(ds:)?Signature[\s\S]*<\/(ds:)?Signature>/, '');
    // The genuine signed assertion hidden in an extension, a forged one in its place.
    const wrapped = good.replace(genuine, `<samlp:Extensions>${genuine}</samlp:Extensions>${forged}`);
    const outcome = await assume(roleArn, providerArn, Buffer.from(wrapped).toString('base64')).then(
      (r) => r.AssumedRoleUser?.Arn,
      (e: { name: string }) => e.name,
    );
    expect(outcome).not.toContain('mallory');
    expect(['InvalidIdentityTokenException', `arn:aws:sts::${account}:assumed-role/saml-role/alice`]).toContain(outcome);
    // The same with the genuine signature copied into the forged assertion (its reference still names the genuine one).
    const forgedSigned = genuine
      .replace('ID="_assertion1"', 'ID="_forged"')
      .replace('>alice</saml:AttributeValue>', '>mallory</saml:AttributeValue>');
    const wrappedSigned = good.replace(genuine, `<samlp:Extensions>${genuine}</samlp:Extensions>${forgedSigned}`);
    const second = await assume(roleArn, providerArn, Buffer.from(wrappedSigned).toString('base64')).then(
      (r) => r.AssumedRoleUser?.Arn,
      (e: { name: string }) => e.name,
    );
    expect(['InvalidIdentityTokenException', `arn:aws:sts::${account}:assumed-role/saml-role/alice`]).toContain(second);
  });

  it('turns PrincipalTag attributes into session tags when the trust policy allows sts:TagSession', async () => {
    const providerArn = (await server.iam.send(new CreateSAMLProviderCommand({ Name: 'idp', SAMLMetadataDocument: metadata(CERT_A) })))
      .SAMLProviderArn!;
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }],
    });
    const roleArn = (await server.iam.send(new CreateRoleCommand({ RoleName: 'saml-tagged', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
    await server.iam.send(
      new PutRolePolicyCommand({
        RoleName: 'saml-tagged',
        PolicyName: 'blue-team-only',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } },
          ],
        }),
      }),
    );
    const session = async (team: string) =>
      server.clientFor(
        asCredentials(
          (await assume(roleArn, providerArn, samlResponse({ role: roleArn, provider: providerArn, sessionName: team, tags: { team } })))
            .Credentials,
        ),
      );
    expect(Array.isArray((await (await session('blue')).iam.send(new ListUsersCommand({}))).Users)).toBe(true);
    expect(await errorCode((await session('red')).iam.send(new ListUsersCommand({})))).toBe('AccessDenied');
  });

  it('checks expiry, audience, the Role attribute and the trust policy’s saml: conditions', async () => {
    const { providerArn, roleArn } = await setUp({ StringEquals: { 'SAML:aud': AWS_SAML, 'saml:sub': 'alice@example.com' } });
    const base = { role: roleArn, provider: providerArn };
    expect(await errorCode(assume(roleArn, providerArn, samlResponse({ ...base, notOnOrAfter: new Date(Date.now() - 10 * 60_000) })))).toBe(
      'ExpiredTokenException',
    );
    expect(await errorCode(assume(roleArn, providerArn, samlResponse({ ...base, audience: 'https://example.com/not-aws' })))).toBe(
      'InvalidIdentityToken',
    );
    expect(await errorCode(assume(roleArn, providerArn, samlResponse({ ...base, role: `arn:aws:iam::${account}:role/other-role` })))).toBe(
      'AccessDenied',
    );
    expect(await errorCode(assume(roleArn, providerArn, samlResponse({ ...base, subject: 'bob@example.com' })))).toBe('AccessDenied');
    expect(await errorCode(assume(roleArn, providerArn, samlResponse({ ...base, sessionName: 'x' })))).toBe('InvalidIdentityToken');
    // A source identity needs sts:SetSourceIdentity in the trust policy.
    expect(await errorCode(assume(roleArn, providerArn, samlResponse({ ...base, sourceIdentity: 'alice' })))).toBe('AccessDenied');
    expect((await assume(roleArn, providerArn, samlResponse(base))).Subject).toBe('alice@example.com');
  });

  // AWS's SAML assertion requirements: one bearer SubjectConfirmation whose SubjectConfirmationData has NotOnOrAfter
  // and a Recipient naming AWS's sign-in endpoint. Without them an assertion never expired, and one meant for another
  // service provider was taken when the trust policy had no saml:aud condition.
  it('requires one bearer SubjectConfirmation with NotOnOrAfter and AWS as Recipient', async () => {
    const { providerArn, roleArn } = await setUp({ StringEquals: { 'saml:sub': 'alice@example.com' } });
    const base = { role: roleArn, provider: providerArn };
    const bearer = (data: string) =>
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">${data}</saml:SubjectConfirmation>`;
    const refused: Array<[string, (until: string) => string]> = [
      ['no NotOnOrAfter', () => bearer(`<saml:SubjectConfirmationData Recipient="${AWS_SAML}"/>`)],
      ['no Recipient', (until) => bearer(`<saml:SubjectConfirmationData NotOnOrAfter="${until}"/>`)],
      [
        'another recipient',
        (until) => bearer(`<saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="https://sp.example.com/acs"/>`),
      ],
      ['no data', () => bearer('')],
      [
        'holder of key',
        (until) =>
          `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${AWS_SAML}"/></saml:SubjectConfirmation>`,
      ],
      ['none', () => ''],
      ['two', (until) => bearer(`<saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${AWS_SAML}"/>`).repeat(2)],
    ];
    for (const [what, confirmation] of refused) {
      expect(await errorCode(assume(roleArn, providerArn, samlResponse({ ...base, confirmation }))), what).toBe('InvalidIdentityToken');
    }
    const regional = 'https://eu-west-1.signin.aws.amazon.com/static/saml';
    const answer = await assume(
      roleArn,
      providerArn,
      samlResponse({
        ...base,
        confirmation: (until) => bearer(`<saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${regional}"/>`),
      }),
    );
    expect(answer.Audience).toBe(regional);
  });
});
