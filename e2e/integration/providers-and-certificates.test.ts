// OIDC and SAML providers, SSH public keys, signing and server certificates, service-specific credentials and
// the account-level reports through @aws-sdk/client-iam against a running server. Certificates are checked-in
// openssl fixtures (node:crypto cannot create X.509 certificates); keys are generated here.
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AddClientIDToOpenIDConnectProviderCommand,
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  CreateServiceSpecificCredentialCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteSAMLProviderCommand,
  DeleteServerCertificateCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteSigningCertificateCommand,
  DeleteSSHPublicKeyCommand,
  DeleteUserCommand,
  GenerateCredentialReportCommand,
  GenerateOrganizationsAccessReportCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetOpenIDConnectProviderCommand,
  GetOrganizationsAccessReportCommand,
  GetRoleCommand,
  GetSAMLProviderCommand,
  GetServerCertificateCommand,
  GetServiceLastAccessedDetailsWithEntitiesCommand,
  GetSSHPublicKeyCommand,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProviderTagsCommand,
  ListPoliciesGrantingServiceAccessCommand,
  ListSAMLProvidersCommand,
  ListSAMLProviderTagsCommand,
  ListServerCertificatesCommand,
  ListServerCertificateTagsCommand,
  ListServiceSpecificCredentialsCommand,
  ListSigningCertificatesCommand,
  ListSSHPublicKeysCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  ResetServiceSpecificCredentialCommand,
  SetSecurityTokenServicePreferencesCommand,
  TagOpenIDConnectProviderCommand,
  TagSAMLProviderCommand,
  TagServerCertificateCommand,
  UntagOpenIDConnectProviderCommand,
  UntagSAMLProviderCommand,
  UntagServerCertificateCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  UpdateSAMLProviderCommand,
  UpdateServerCertificateCommand,
  UpdateServiceSpecificCredentialCommand,
  UpdateSigningCertificateCommand,
  UpdateSSHPublicKeyCommand,
  UploadServerCertificateCommand,
  UploadSigningCertificateCommand,
  UploadSSHPublicKeyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { errorCode, startServer, type TestServer } from './harness';
import { queryTestDatabase } from '../support/test-store';

const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const CERT_A = fixture('cert-a.pem');
const CERT_B = fixture('cert-b.pem');
const CERT_C = fixture('cert-c.pem');
const KEY_A = fixture('key-a.pem');
const KEY_B = fixture('key-b.pem');
const THUMBPRINT = 'a'.repeat(40);

let server: TestServer;
let iam: IAMClient;
let account: string;

beforeAll(async () => {
  server = await startServer();
  iam = server.iam;
  account = server.accountId;
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.reset();
});

/** A SAML metadata document over 1,000 characters (the model's minimum), with the IdP's signing certificate. */
function samlMetadata(entityId: string, validUntil?: string): string {
  const body = CERT_A.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}"${validUntil ? ` validUntil="${validUntil}"` : ''}>
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${body}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

describe('OpenID Connect providers', () => {
  it('creates, reads, lists, changes client IDs and thumbprints, tags and deletes a provider', async () => {
    const created = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: 'https://Token.Actions.Example.com/org/',
        ClientIDList: ['sts.amazonaws.com'],
        ThumbprintList: [THUMBPRINT],
        Tags: [{ Key: 'team', Value: 'ci' }],
      }),
    );
    const arn = `arn:aws:iam::${account}:oidc-provider/token.actions.example.com/org`;
    expect(created.OpenIDConnectProviderArn).toBe(arn);
    expect(created.Tags).toEqual([{ Key: 'team', Value: 'ci' }]);
    expect(
      await errorCode(
        iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://token.actions.example.com/org', ThumbprintList: [THUMBPRINT] })),
      ),
    ).toBe('EntityAlreadyExists');
    expect(
      await errorCode(
        iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'http://insecure.example.com', ThumbprintList: [THUMBPRINT] })),
      ),
    ).toBe('ValidationError');
    expect(
      await errorCode(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://x.example.com', ThumbprintList: ['z'.repeat(40)] }))),
    ).toBe('InvalidInput');

    await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'my-app' }));
    await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'my-app' }));
    await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'sts.amazonaws.com' }));
    await iam.send(
      new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList: ['B'.repeat(40), 'c'.repeat(40)] }),
    );
    const provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(provider.Url).toBe('token.actions.example.com/org');
    expect(provider.ClientIDList).toEqual(['my-app']);
    expect(provider.ThumbprintList).toEqual(['b'.repeat(40), 'c'.repeat(40)]);
    expect(provider.CreateDate).toBeInstanceOf(Date);

    await iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: 'env', Value: 'prod' }] }));
    await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, TagKeys: ['TEAM'] }));
    expect((await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }))).Tags).toEqual([
      { Key: 'env', Value: 'prod' },
    ]);
    expect((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toEqual([{ Arn: arn }]);
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.Providers).toBe(1);

    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(await errorCode(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })))).toBe('NoSuchEntity');
    expect((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toEqual([]);
  });
});

describe('SAML providers', () => {
  it('creates from metadata, reads, updates, tags, lists and deletes a provider', async () => {
    const created = await iam.send(
      new CreateSAMLProviderCommand({
        Name: 'Okta',
        SAMLMetadataDocument: samlMetadata('https://idp.example.com', '2030-01-01T00:00:00Z'),
        Tags: [{ Key: 'a', Value: '1' }],
      }),
    );
    const arn = `arn:aws:iam::${account}:saml-provider/Okta`;
    expect(created.SAMLProviderArn).toBe(arn);
    expect(await errorCode(iam.send(new CreateSAMLProviderCommand({ Name: 'okta', SAMLMetadataDocument: samlMetadata('x') })))).toBe(
      'EntityAlreadyExists',
    );
    const notMetadata = `<html><body>${'x'.repeat(1200)}</body></html>`;
    expect(await errorCode(iam.send(new CreateSAMLProviderCommand({ Name: 'Bad', SAMLMetadataDocument: notMetadata })))).toBe(
      'InvalidInput',
    );
    const broken = samlMetadata('x').replace('</md:IDPSSODescriptor>', '');
    expect(await errorCode(iam.send(new CreateSAMLProviderCommand({ Name: 'Broken', SAMLMetadataDocument: broken })))).toBe('InvalidInput');
    expect(await errorCode(iam.send(new CreateSAMLProviderCommand({ Name: 'Short', SAMLMetadataDocument: '<EntityDescriptor/>' })))).toBe(
      'ValidationError',
    );

    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(got.SAMLMetadataDocument).toContain('entityID="https://idp.example.com"');
    expect(got.ValidUntil?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(got.Tags).toEqual([{ Key: 'a', Value: '1' }]);

    const updated = await iam.send(
      new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, SAMLMetadataDocument: samlMetadata('https://idp2.example.com') }),
    );
    expect(updated.SAMLProviderArn).toBe(arn);
    expect((await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }))).SAMLMetadataDocument).toContain('idp2.example.com');

    await iam.send(new TagSAMLProviderCommand({ SAMLProviderArn: arn, Tags: [{ Key: 'b', Value: '2' }] }));
    await iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn: arn, TagKeys: ['a'] }));
    expect((await iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: arn }))).Tags).toEqual([{ Key: 'b', Value: '2' }]);
    const list = await iam.send(new ListSAMLProvidersCommand({}));
    expect(list.SAMLProviderList?.map((p) => p.Arn)).toEqual([arn]);
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.Providers).toBe(1);

    await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(await errorCode(iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn })))).toBe('NoSuchEntity');
  });
});

describe('SSH public keys', () => {
  it('uploads PEM and ssh-rsa keys with AWS fingerprints, converts encodings, updates, lists and deletes', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'git-user' }));
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const uploaded = (await iam.send(new UploadSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyBody: pem }))).SSHPublicKey!;
    expect(uploaded.SSHPublicKeyId).toMatch(/^APKA[A-Z0-9]{16,}$/);
    expect(uploaded.Status).toBe('Active');
    expect(uploaded.SSHPublicKeyBody).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E/);
    const blob = Buffer.from(uploaded.SSHPublicKeyBody!.split(' ')[1], 'base64');
    expect(uploaded.Fingerprint).toBe(createHash('md5').update(blob).digest('hex').match(/../g)!.join(':'));

    const asPem = (
      await iam.send(new GetSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: uploaded.SSHPublicKeyId, Encoding: 'PEM' }))
    ).SSHPublicKey!;
    expect(asPem.SSHPublicKeyBody?.trim()).toBe(pem.trim());
    expect(
      await errorCode(
        iam.send(new UploadSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyBody: `${uploaded.SSHPublicKeyBody} me@host` })),
      ),
    ).toBe('DuplicateSSHPublicKey');
    expect(
      await errorCode(iam.send(new UploadSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyBody: 'ssh-rsa AAAAnotakey' }))),
    ).toBe('InvalidPublicKey');
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(await errorCode(iam.send(new UploadSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyBody: small })))).toBe(
      'InvalidPublicKey',
    );

    // The ssh-rsa form of another key is accepted too.
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    await iam.send(new CreateUserCommand({ UserName: 'tmp' }));
    const sshForm = (await iam.send(new UploadSSHPublicKeyCommand({ UserName: 'tmp', SSHPublicKeyBody: other }))).SSHPublicKey!
      .SSHPublicKeyBody!;
    const second = (await iam.send(new UploadSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyBody: `${sshForm} laptop` })))
      .SSHPublicKey!;

    await iam.send(new UpdateSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: uploaded.SSHPublicKeyId, Status: 'Inactive' }));
    const listed = await iam.send(new ListSSHPublicKeysCommand({ UserName: 'git-user', MaxItems: 1 }));
    expect(listed.IsTruncated).toBe(true);
    expect(listed.SSHPublicKeys?.[0]).toMatchObject({ SSHPublicKeyId: uploaded.SSHPublicKeyId, Status: 'Inactive', UserName: 'git-user' });
    const rest = await iam.send(new ListSSHPublicKeysCommand({ UserName: 'git-user', Marker: listed.Marker }));
    expect(rest.SSHPublicKeys?.map((k) => k.SSHPublicKeyId)).toEqual([second.SSHPublicKeyId]);

    await expect(iam.send(new DeleteUserCommand({ UserName: 'git-user' }))).rejects.toThrow(
      'Cannot delete entity, must remove referenced objects first.',
    );
    await iam.send(new DeleteSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: uploaded.SSHPublicKeyId }));
    await iam.send(new DeleteSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: second.SSHPublicKeyId }));
    expect(
      await errorCode(
        iam.send(new GetSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: second.SSHPublicKeyId, Encoding: 'SSH' })),
      ),
    ).toBe('NoSuchEntity');
    await iam.send(new DeleteUserCommand({ UserName: 'git-user' }));
  });
});

describe('signing certificates', () => {
  it('uploads at most two valid certificates per user, updates, reports and deletes them', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'signer' }));
    const first = (await iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: CERT_A }))).Certificate!;
    expect(first).toMatchObject({ UserName: 'signer', Status: 'Active', CertificateBody: CERT_A });
    expect(first.CertificateId).toMatch(/^[A-Z0-9]{24,}$/);
    expect(await errorCode(iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: CERT_A })))).toBe(
      'DuplicateCertificate',
    );
    expect(
      await errorCode(iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: 'not a certificate' }))),
    ).toBe('MalformedCertificate');
    const second = (await iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: CERT_B }))).Certificate!;
    expect(await errorCode(iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: CERT_C })))).toBe(
      'LimitExceeded',
    );

    await iam.send(new UpdateSigningCertificateCommand({ UserName: 'signer', CertificateId: second.CertificateId, Status: 'Inactive' }));
    const listed = await iam.send(new ListSigningCertificatesCommand({ UserName: 'signer' }));
    expect(listed.Certificates?.map((c) => [c.CertificateId, c.Status])).toEqual([
      [first.CertificateId, 'Active'],
      [second.CertificateId, 'Inactive'],
    ]);

    await iam.send(new GenerateCredentialReportCommand({}));
    const csv = Buffer.from((await iam.send(new GetCredentialReportCommand({}))).Content!)
      .toString('utf8')
      .split('\n');
    const header = csv[0].split(',');
    const row = csv.find((line) => line.startsWith('signer,'))!.split(',');
    expect(row[header.indexOf('cert_1_active')]).toBe('true');
    expect(row[header.indexOf('cert_2_active')]).toBe('false');
    expect(row[header.indexOf('cert_2_last_rotated')]).toMatch(/^\d{4}-\d\d-\d\dT/);

    await expect(iam.send(new DeleteUserCommand({ UserName: 'signer' }))).rejects.toThrow(
      'Cannot delete entity, must delete certificates first.',
    );
    await iam.send(new DeleteSigningCertificateCommand({ UserName: 'signer', CertificateId: first.CertificateId }));
    await iam.send(new DeleteSigningCertificateCommand({ UserName: 'signer', CertificateId: second.CertificateId }));
    expect(
      await errorCode(iam.send(new DeleteSigningCertificateCommand({ UserName: 'signer', CertificateId: second.CertificateId }))),
    ).toBe('NoSuchEntity');
    await iam.send(new DeleteUserCommand({ UserName: 'signer' }));
  });
});

describe('server certificates', () => {
  it('uploads with a matching key only, never returns the key, renames, tags, lists by path and deletes', async () => {
    expect(
      await errorCode(
        iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'web', CertificateBody: CERT_A, PrivateKey: KEY_B })),
      ),
    ).toBe('KeyPairMismatch');
    expect(
      await errorCode(
        iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'web', CertificateBody: 'garbage', PrivateKey: KEY_A })),
      ),
    ).toBe('MalformedCertificate');
    const uploaded = await iam.send(
      new UploadServerCertificateCommand({
        ServerCertificateName: 'web',
        Path: '/cloudfront/',
        CertificateBody: CERT_A,
        CertificateChain: CERT_B,
        PrivateKey: KEY_A,
        Tags: [{ Key: 'env', Value: 'prod' }],
      }),
    );
    const metadata = uploaded.ServerCertificateMetadata!;
    expect(metadata.Arn).toBe(`arn:aws:iam::${account}:server-certificate/cloudfront/web`);
    expect(metadata.ServerCertificateId).toMatch(/^ASCA/);
    expect(metadata.Expiration?.toISOString()).toBe(new Date(new X509Certificate(CERT_A).validTo).toISOString());
    expect(
      await errorCode(
        iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'WEB', CertificateBody: CERT_A, PrivateKey: KEY_A })),
      ),
    ).toBe('EntityAlreadyExists');

    const got = await iam.send(new GetServerCertificateCommand({ ServerCertificateName: 'web' }));
    expect(got.ServerCertificate?.CertificateBody?.trim()).toBe(CERT_A.trim());
    expect(got.ServerCertificate?.CertificateChain?.trim()).toBe(CERT_B.trim());
    expect(JSON.stringify(got)).not.toContain('PRIVATE KEY');
    expect(got.ServerCertificate?.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    // The private key is sealed at rest.
    const keyLine = KEY_A.split('\n')[1];
    if (server.databaseUrl) {
      const rows = await queryTestDatabase<{ sealed: string }>(
        server.databaseUrl,
        'SELECT private_key_sealed AS sealed FROM server_certificates',
      );
      expect(rows.length).toBe(1);
      expect(rows.some((r) => r.sealed.includes(keyLine) || r.sealed.includes('PRIVATE KEY'))).toBe(false);
    } else {
      expect(fs.readFileSync(path.join(server.dataDir, 'gatehouse.db')).includes(keyLine)).toBe(false);
    }

    await iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'api', CertificateBody: CERT_B, PrivateKey: KEY_B }));
    expect(
      (await iam.send(new ListServerCertificatesCommand({ PathPrefix: '/cloudfront/' }))).ServerCertificateMetadataList?.map(
        (c) => c.ServerCertificateName,
      ),
    ).toEqual(['web']);
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.ServerCertificates).toBe(2);

    await iam.send(
      new UpdateServerCertificateCommand({ ServerCertificateName: 'web', NewServerCertificateName: 'www', NewPath: '/edge/' }),
    );
    expect(
      await errorCode(iam.send(new UpdateServerCertificateCommand({ ServerCertificateName: 'www', NewServerCertificateName: 'api' }))),
    ).toBe('EntityAlreadyExists');
    expect(
      (await iam.send(new GetServerCertificateCommand({ ServerCertificateName: 'www' }))).ServerCertificate?.ServerCertificateMetadata?.Arn,
    ).toBe(`arn:aws:iam::${account}:server-certificate/edge/www`);
    await iam.send(new TagServerCertificateCommand({ ServerCertificateName: 'www', Tags: [{ Key: 'owner', Value: 'web-team' }] }));
    await iam.send(new UntagServerCertificateCommand({ ServerCertificateName: 'www', TagKeys: ['env'] }));
    expect((await iam.send(new ListServerCertificateTagsCommand({ ServerCertificateName: 'www' }))).Tags).toEqual([
      { Key: 'owner', Value: 'web-team' },
    ]);

    await iam.send(new DeleteServerCertificateCommand({ ServerCertificateName: 'www' }));
    expect(await errorCode(iam.send(new GetServerCertificateCommand({ ServerCertificateName: 'www' })))).toBe('NoSuchEntity');
    expect(
      (await iam.send(new ListServerCertificatesCommand({}))).ServerCertificateMetadataList?.map((c) => c.ServerCertificateName),
    ).toEqual(['api']);
  });
});

describe('service-specific credentials', () => {
  it('creates with a password shown once, lists, resets, updates and deletes', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dev' }));
    const created = (
      await iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'dev', ServiceName: 'codecommit.amazonaws.com' }))
    ).ServiceSpecificCredential!;
    expect(created).toMatchObject({
      UserName: 'dev',
      ServiceName: 'codecommit.amazonaws.com',
      ServiceUserName: `dev-at-${account}`,
      Status: 'Active',
    });
    expect(created.ServicePassword).toHaveLength(44);
    expect(created.ServiceSpecificCredentialId).toMatch(/^ACCA[A-Z0-9]{17}$/);
    expect(
      await errorCode(iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'dev', ServiceName: 'ec2.amazonaws.com' }))),
    ).toBe('NoSuchEntity');
    await iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'dev', ServiceName: 'codecommit.amazonaws.com' }));
    expect(
      await errorCode(iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'dev', ServiceName: 'codecommit.amazonaws.com' }))),
    ).toBe('LimitExceeded');
    await iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'dev', ServiceName: 'cassandra.amazonaws.com' }));

    const listed = await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: 'dev', ServiceName: 'cassandra.amazonaws.com' }));
    expect(listed.ServiceSpecificCredentials).toHaveLength(1);
    expect(JSON.stringify(await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: 'dev' })))).not.toContain(
      created.ServicePassword!,
    );

    const reset = (
      await iam.send(
        new ResetServiceSpecificCredentialCommand({ UserName: 'dev', ServiceSpecificCredentialId: created.ServiceSpecificCredentialId }),
      )
    ).ServiceSpecificCredential!;
    expect(reset.ServicePassword).toHaveLength(44);
    expect(reset.ServicePassword).not.toBe(created.ServicePassword);
    await iam.send(
      new UpdateServiceSpecificCredentialCommand({
        UserName: 'dev',
        ServiceSpecificCredentialId: created.ServiceSpecificCredentialId,
        Status: 'Inactive',
      }),
    );
    const all = (await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: 'dev' }))).ServiceSpecificCredentials!;
    expect(all.find((c) => c.ServiceSpecificCredentialId === created.ServiceSpecificCredentialId)?.Status).toBe('Inactive');

    await expect(iam.send(new DeleteUserCommand({ UserName: 'dev' }))).rejects.toThrow(
      'Cannot delete entity, must remove referenced objects first.',
    );
    for (const credential of all) {
      await iam.send(
        new DeleteServiceSpecificCredentialCommand({
          UserName: 'dev',
          ServiceSpecificCredentialId: credential.ServiceSpecificCredentialId,
        }),
      );
    }
    expect(
      await errorCode(
        iam.send(
          new DeleteServiceSpecificCredentialCommand({ UserName: 'dev', ServiceSpecificCredentialId: created.ServiceSpecificCredentialId }),
        ),
      ),
    ).toBe('NoSuchEntity');
    await iam.send(new DeleteUserCommand({ UserName: 'dev' }));
  });
});

describe('account-level reports and preferences', () => {
  it('lists the policies granting a service, directly and through groups', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'reader' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'reader' }));
    const allow = (action: string) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
    await iam.send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 's3-read', PolicyDocument: allow('s3:GetObject') }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'iam-read', PolicyDocument: allow('iam:Get*') }));
    const result = await iam.send(
      new ListPoliciesGrantingServiceAccessCommand({ Arn: `arn:aws:iam::${account}:user/reader`, ServiceNamespaces: ['s3', 'iam', 'ec2'] }),
    );
    expect(result.PoliciesGrantingServiceAccess).toEqual([
      { ServiceNamespace: 's3', Policies: [{ PolicyName: 's3-read', PolicyType: 'INLINE', EntityType: 'USER', EntityName: 'reader' }] },
      { ServiceNamespace: 'iam', Policies: [{ PolicyName: 'iam-read', PolicyType: 'INLINE', EntityType: 'GROUP', EntityName: 'readers' }] },
      { ServiceNamespace: 'ec2', Policies: [] },
    ]);
    expect(
      await errorCode(
        iam.send(new ListPoliciesGrantingServiceAccessCommand({ Arn: `arn:aws:iam::${account}:user/nobody`, ServiceNamespaces: ['s3'] })),
      ),
    ).toBe('NoSuchEntity');

    const { JobId } = await iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `arn:aws:iam::${account}:group/readers` }));
    const details = await iam.send(new GetServiceLastAccessedDetailsWithEntitiesCommand({ JobId, ServiceNamespace: 'iam' }));
    expect(details.JobStatus).toBe('COMPLETED');
    expect(details.EntityDetailsList?.map((d) => [d.EntityInfo?.Name, d.EntityInfo?.Type])).toEqual([['reader', 'USER']]);
    expect(
      await errorCode(iam.send(new GetServiceLastAccessedDetailsWithEntitiesCommand({ JobId: 'a'.repeat(36), ServiceNamespace: 'iam' }))),
    ).toBe('NoSuchEntity');
  });

  it('answers Organizations reports as for an account outside any organization', async () => {
    expect(
      await errorCode(iam.send(new GenerateOrganizationsAccessReportCommand({ EntityPath: 'o-a1b2c3d4e5/r-f6g7h8i9j0example' }))),
    ).toBe('OrganizationNotFoundException');
    expect(await errorCode(iam.send(new GetOrganizationsAccessReportCommand({ JobId: 'b'.repeat(36) })))).toBe('NoSuchEntity');
  });

  it('keeps the STS token version preference and reports it in the account summary', async () => {
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.GlobalEndpointTokenVersion).toBe(1);
    await iam.send(new SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: 'v2Token' }));
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.GlobalEndpointTokenVersion).toBe(2);
  });

  it('DeleteUser makes trust policies that named the user name its unique id, so a namesake is not trusted', async () => {
    const user = (await iam.send(new CreateUserCommand({ UserName: 'alice' }))).User!;
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: user.Arn }, Action: 'sts:AssumeRole' }],
    });
    await iam.send(new CreateRoleCommand({ RoleName: 'alice-role', AssumeRolePolicyDocument: trust }));
    await iam.send(new DeleteUserCommand({ UserName: 'alice' }));
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'alice-role' }))).Role!;
    const document = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!));
    expect(document.Statement[0].Principal.AWS).toBe(user.UserId);
  });
});

describe('authorization of the new operations', () => {
  it('authorizes server certificates by their ARN with path and tags, and OIDC providers by their ARN', async () => {
    await iam.send(
      new UploadServerCertificateCommand({
        ServerCertificateName: 'www',
        Path: '/edge/',
        CertificateBody: CERT_A,
        PrivateKey: KEY_A,
        Tags: [{ Key: 'team', Value: 'web' }],
      }),
    );
    await iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'api', CertificateBody: CERT_B, PrivateKey: KEY_B }));
    const oidc = (url: string) => iam.send(new CreateOpenIDConnectProviderCommand({ Url: url, ThumbprintList: [THUMBPRINT] }));
    const allowed = (await oidc('https://allowed.example.com')).OpenIDConnectProviderArn!;
    const other = (await oidc('https://other.example.com')).OpenIDConnectProviderArn!;
    await iam.send(new CreateUserCommand({ UserName: 'operator' }));
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iam:GetServerCertificate', Resource: `arn:aws:iam::${account}:server-certificate/edge/*` },
        {
          Effect: 'Allow',
          Action: 'iam:TagServerCertificate',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/team': 'web' } },
        },
        { Effect: 'Allow', Action: 'iam:GetOpenIDConnectProvider', Resource: allowed },
      ],
    });
    await iam.send(new PutUserPolicyCommand({ UserName: 'operator', PolicyName: 'certs', PolicyDocument: policy }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'operator' }))).AccessKey!;
    const operator = server.clientFor({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }).iam;
    expect(
      (await operator.send(new GetServerCertificateCommand({ ServerCertificateName: 'www' }))).ServerCertificate?.ServerCertificateMetadata
        ?.Path,
    ).toBe('/edge/');
    expect(await errorCode(operator.send(new GetServerCertificateCommand({ ServerCertificateName: 'api' })))).toBe('AccessDenied');
    await operator.send(new TagServerCertificateCommand({ ServerCertificateName: 'www', Tags: [{ Key: 'x', Value: 'y' }] }));
    expect(
      await errorCode(operator.send(new TagServerCertificateCommand({ ServerCertificateName: 'api', Tags: [{ Key: 'x', Value: 'y' }] }))),
    ).toBe('AccessDenied');
    expect((await operator.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: allowed }))).Url).toBe(
      'allowed.example.com',
    );
    expect(await errorCode(operator.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: other })))).toBe('AccessDenied');
  });
});
