// Answers recorded from real AWS (issue 11, "Other answers" and "More answers recorded from real AWS"), asked
// through the AWS SDK of a running server: each case checks AWS's exact error code, HTTP status and message, or
// the exact shape of AWS's result. docs/FIDELITY.md says where each answer comes from.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteOpenIDConnectProviderCommand,
  GetInstanceProfileCommand,
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListUsersCommand,
  PutUserPermissionsBoundaryCommand,
  TagOpenIDConnectProviderCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateServiceSpecificCredentialCommand,
  UploadSigningCertificateCommand,
  AddClientIDToOpenIDConnectProviderCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetFederationTokenCommand, type STSClient } from '@aws-sdk/client-sts';
import { startServer, TEST_ACCOUNT_ID, type TestServer } from './harness';

let server: TestServer;
let iam: IAMClient;
let sts: STSClient;
beforeAll(async () => {
  server = await startServer();
  iam = server.iam;
  sts = server.sts;
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

const ACCOUNT = TEST_ACCOUNT_ID;
const THUMBPRINT = (n: number) => n.toString(16).padStart(40, '0');

/** Code, HTTP status and message of a rejected SDK call (fails the test when the call succeeds). */
async function awsError(promise: Promise<unknown>): Promise<{ code: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; Code?: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { code: e.Code ?? e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('OpenID Connect providers', () => {
  it('accepts a provider without a ThumbprintList, or with an empty one', async () => {
    const omitted = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://omitted.example.com' }));
    expect(omitted.OpenIDConnectProviderArn).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/omitted.example.com`);
    const empty = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://empty.example.com', ThumbprintList: [] }));
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: empty.OpenIDConnectProviderArn }));
    expect(got.ThumbprintList ?? []).toEqual([]);
  });

  it('answers ValidationError "Invalid Open ID Connect Provider URL" for a URL without https://', async () => {
    expect(
      await awsError(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'example.org', ThumbprintList: [THUMBPRINT(1)] }))),
    ).toEqual({
      code: 'ValidationError',
      status: 400,
      message: 'Invalid Open ID Connect Provider URL',
    });
  });

  it('limits thumbprints and client ids with AWS messages', async () => {
    const six = [1, 2, 3, 4, 5, 6].map(THUMBPRINT);
    expect(
      await awsError(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://six.example.com', ThumbprintList: six }))),
    ).toEqual({
      code: 'InvalidInput',
      status: 400,
      message: 'Thumbprint list must contain fewer than 5 entries.',
    });
    // Five are accepted, despite the wording.
    await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://five.example.com', ThumbprintList: six.slice(0, 5) }));

    const clientIds = Array.from({ length: 101 }, (_, i) => `client-${i}`);
    expect(
      await awsError(
        iam.send(
          new CreateOpenIDConnectProviderCommand({
            Url: 'https://many.example.com',
            ThumbprintList: [THUMBPRINT(1)],
            ClientIDList: clientIds,
          }),
        ),
      ),
    ).toEqual({ code: 'LimitExceeded', status: 409, message: 'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100' });
    const { OpenIDConnectProviderArn } = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: 'https://full.example.com', ClientIDList: clientIds.slice(0, 100) }),
    );
    expect(
      await awsError(iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, ClientID: 'one-more' }))),
    ).toEqual({
      code: 'LimitExceeded',
      status: 409,
      message: 'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100',
    });
  });

  it('answers NoSuchEntity "OpenId connect Provider … cannot be found." when deleting a missing provider', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:oidc-provider/missing.example.com`;
    expect(await awsError(iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: `OpenId connect Provider ${arn} cannot be found.`,
    });
  });

  it('answers LimitExceeded "The number of tags has reached the maximum limit." past 50 tags', async () => {
    const { OpenIDConnectProviderArn } = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://tagged.example.com' }));
    const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, Tags: tags }));
    expect(
      await awsError(iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, Tags: [{ Key: 'one-more', Value: 'v' }] }))),
    ).toEqual({
      code: 'LimitExceeded',
      status: 409,
      message: 'The number of tags has reached the maximum limit.',
    });
  });
});

describe('response shapes', () => {
  it("CreatePolicy's Policy has no Description; GetPolicy has it, and an empty Tags list", async () => {
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    const created = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'described', PolicyDocument: document, Description: 'a description' }),
    );
    expect(created.Policy).not.toHaveProperty('Description');
    expect(created.Policy).not.toHaveProperty('Tags');
    const got = await iam.send(new GetPolicyCommand({ PolicyArn: created.Policy!.Arn }));
    expect(got.Policy?.Description).toBe('a description');
    expect(got.Policy?.Tags).toEqual([]);
  });

  it('GetInstanceProfile returns an empty Tags list when there are none', async () => {
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'untagged' }));
    const got = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'untagged' }));
    expect(got.InstanceProfile?.Tags).toEqual([]);
  });

  it("CreateRole's result names MaxSessionDuration only when the request set it; GetRole always does", async () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const plain = await iam.send(new CreateRoleCommand({ RoleName: 'plain', AssumeRolePolicyDocument: trust }));
    expect(plain.Role).not.toHaveProperty('MaxSessionDuration');
    expect((await iam.send(new GetRoleCommand({ RoleName: 'plain' }))).Role?.MaxSessionDuration).toBe(3600);
    const longer = await iam.send(new CreateRoleCommand({ RoleName: 'longer', AssumeRolePolicyDocument: trust, MaxSessionDuration: 7200 }));
    expect(longer.Role?.MaxSessionDuration).toBe(7200);
  });
});

describe('CreateServiceLinkedRole', () => {
  it("creates AWS's own role for acm: name, path, a trust policy of plain strings and the attached service policy", async () => {
    const { Role } = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'acm.amazonaws.com' }));
    expect(Role).toMatchObject({
      RoleName: 'AWSServiceRoleForCertificateManager',
      Path: '/aws-service-role/acm.amazonaws.com/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/acm.amazonaws.com/AWSServiceRoleForCertificateManager`,
      MaxSessionDuration: 3600,
    });
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'acm.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'AWSServiceRoleForCertificateManager' }));
    expect(attached.AttachedPolicies).toEqual([
      {
        PolicyName: 'CertificateManagerServiceRolePolicy',
        PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/CertificateManagerServiceRolePolicy',
      },
    ]);
  });

  it('accepts a CustomSuffix only where AWS does, else InvalidInput "Custom suffix is not allowed for <svc>"', async () => {
    expect(
      await awsError(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'acm.amazonaws.com', CustomSuffix: 'blue' }))),
    ).toEqual({
      code: 'InvalidInput',
      status: 400,
      message: 'Custom suffix is not allowed for acm.amazonaws.com',
    });
    const { Role } = await iam.send(
      new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com', CustomSuffix: 'blue' }),
    );
    expect(Role).toMatchObject({ RoleName: 'AWSServiceRoleForAutoScaling_blue', Path: '/aws-service-role/autoscaling.amazonaws.com/' });
  });

  it("names Application Auto Scaling's custom-resource role as AWS does", async () => {
    const { Role } = await iam.send(
      new CreateServiceLinkedRoleCommand({ AWSServiceName: 'custom-resource.application-autoscaling.amazonaws.com' }),
    );
    expect(Role?.RoleName).toBe('AWSServiceRoleForApplicationAutoScaling_CustomResource');
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: Role!.RoleName }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['AWSApplicationAutoScalingCustomResourcePolicy']);
    expect(
      await awsError(
        iam.send(
          new CreateServiceLinkedRoleCommand({ AWSServiceName: 'dynamodb.application-autoscaling.amazonaws.com', CustomSuffix: 'x' }),
        ),
      ),
    ).toEqual({
      code: 'InvalidInput',
      status: 400,
      message: 'Custom suffix is not allowed for dynamodb.application-autoscaling.amazonaws.com',
    });
  });
});

describe('messages', () => {
  it('signing certificates: "Cannot exceed quota for CertificatesPerUser: 2"', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'signer' }));
    const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
    await iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: fixture('cert-a.pem') }));
    await iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: fixture('cert-b.pem') }));
    expect(
      await awsError(iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: fixture('cert-c.pem') }))),
    ).toEqual({
      code: 'LimitExceeded',
      status: 409,
      message: 'Cannot exceed quota for CertificatesPerUser: 2',
    });
  });

  it('DeleteAccountPasswordPolicy without a policy: "The account policy with name PasswordPolicy cannot be found."', async () => {
    expect(await awsError(iam.send(new DeleteAccountPasswordPolicyCommand({})))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: 'The account policy with name PasswordPolicy cannot be found.',
    });
  });

  it('AddUserToGroup names the user first when neither exists', async () => {
    expect(await awsError(iam.send(new AddUserToGroupCommand({ UserName: 'my-user', GroupName: 'my-group' })))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: 'The user with name my-user cannot be found.',
    });
  });

  it("an invalid Path is a ValidationError with AWS's own message", async () => {
    expect(await awsError(iam.send(new CreateUserCommand({ UserName: 'pathless', Path: 'bad' })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    });
  });

  it('a duplicate virtual MFA device: "MFA device already exists."', async () => {
    await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'phone' }));
    expect(await awsError(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'phone' })))).toEqual({
      code: 'EntityAlreadyExists',
      status: 409,
      message: 'MFA device already exists.',
    });
  });

  it('a boundary that does not exist: "Scope ARN: … does not exist or is not attachable."', async () => {
    const missing = `arn:aws:iam::${ACCOUNT}:policy/missing-boundary`;
    const expected = { code: 'NoSuchEntity', status: 404, message: `Scope ARN: ${missing} does not exist or is not attachable.` };
    await iam.send(new CreateUserCommand({ UserName: 'bounded' }));
    expect(await awsError(iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: missing })))).toEqual(
      expected,
    );
    expect(await awsError(iam.send(new CreateUserCommand({ UserName: 'bounded-2', PermissionsBoundary: missing })))).toEqual(expected);
  });

  it('an invalid Marker is a ValidationError', async () => {
    expect(await awsError(iam.send(new ListUsersCommand({ Marker: 'not-a-marker' })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: 'Invalid Marker',
    });
  });

  it("model constraints name the member, never the value (Value at 'tags' …)", async () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(await awsError(iam.send(new CreateUserCommand({ UserName: 'many-tags', Tags: tags })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    });
  });

  it("lists the password policy's violations in AWS's order", async () => {
    expect(
      await awsError(
        iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 129, PasswordReusePrevention: 25, MaxPasswordAge: 1096 })),
      ),
    ).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        "3 validation errors detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128; " +
        "Value at 'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24; " +
        "Value at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095",
    });
  });
});

describe('Attach*Policy with a PolicyArn that is not an ARN', () => {
  it('answers ValidationError "Invalid ARN:  Could not be parsed!" (two spaces) for users, groups and roles', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'attach-u' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'attach-g' }));
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    await iam.send(new CreateRoleCommand({ RoleName: 'attach-r', AssumeRolePolicyDocument: trust }));
    const expected = { code: 'ValidationError', status: 400, message: 'Invalid ARN:  Could not be parsed!' };
    expect(await awsError(iam.send(new AttachUserPolicyCommand({ UserName: 'attach-u', PolicyArn: 'this-is-not-an-arn-at-all' })))).toEqual(
      expected,
    );
    expect(
      await awsError(iam.send(new AttachGroupPolicyCommand({ GroupName: 'attach-g', PolicyArn: 'this-is-not-an-arn-at-all' }))),
    ).toEqual(expected);
    expect(await awsError(iam.send(new AttachRolePolicyCommand({ RoleName: 'attach-r', PolicyArn: 'this-is-not-an-arn-at-all' })))).toEqual(
      expected,
    );
  });
});

describe('service-specific credentials', () => {
  it('an unsupported service is NoSuchEntity "…supported for Service Specific Credentials"', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'git' }));
    expect(
      await awsError(iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'git', ServiceName: 'ec2.amazonaws.com' }))),
    ).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: 'No such service ec2.amazonaws.com is supported for Service Specific Credentials',
    });
  });

  it('Status=Invalid is one validation error, not also "must not be null"', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'git' }));
    const created = await iam.send(
      new CreateServiceSpecificCredentialCommand({ UserName: 'git', ServiceName: 'codecommit.amazonaws.com' }),
    );
    const id = created.ServiceSpecificCredential!.ServiceSpecificCredentialId!;
    expect(
      await awsError(
        iam.send(
          new UpdateServiceSpecificCredentialCommand({ UserName: 'git', ServiceSpecificCredentialId: id, Status: 'Invalid' as 'Active' }),
        ),
      ),
    ).toEqual({
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
    });
  });
});

describe('STS', () => {
  const trustAccount = (actions: string[]) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: actions }],
    });

  it('AssumeRole with a malformed RoleArn: ValidationError "<arn> is invalid", before anything is authorized', async () => {
    for (const roleArn of ['nothing-valid-in-here', 'arn::b:::x/r', 'arn:a:::x/r']) {
      expect(await awsError(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'session' })))).toEqual({
        code: 'ValidationError',
        status: 400,
        message: `${roleArn} is invalid`,
      });
    }
    // Six fields with partition, service and resource: valid syntax, so the answer is about the role.
    expect(
      (await awsError(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:a:b:::something/test-role', RoleSessionName: 'session' })))).code,
    ).toBe('AccessDenied');
  });

  it('GetFederationToken without a Policy answers PackedPolicySize 0', async () => {
    const result = await sts.send(new GetFederationTokenCommand({ Name: 'federated' }));
    expect(result.PackedPolicySize).toBe(0);
  });

  it('a transitive tag key must be one of the requested tags', async () => {
    const { Role } = await iam.send(
      new CreateRoleCommand({ RoleName: 'tagged', AssumeRolePolicyDocument: trustAccount(['sts:AssumeRole', 'sts:TagSession']) }),
    );
    expect(
      await awsError(
        sts.send(
          new AssumeRoleCommand({
            RoleArn: Role!.Arn,
            RoleSessionName: 'session',
            Tags: [{ Key: 'Project', Value: 'x' }],
            TransitiveTagKeys: ['Team'],
          }),
        ),
      ),
    ).toMatchObject({ status: 400, message: 'The specified transitive tag key must be included in the requested tags.' });
  });

  it('a chained session cannot override an inherited transitive tag, in any letter case', async () => {
    const first = await iam.send(
      new CreateRoleCommand({ RoleName: 'first', AssumeRolePolicyDocument: trustAccount(['sts:AssumeRole', 'sts:TagSession']) }),
    );
    const second = await iam.send(
      new CreateRoleCommand({ RoleName: 'second', AssumeRolePolicyDocument: trustAccount(['sts:AssumeRole', 'sts:TagSession']) }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'first', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    const session = await sts.send(
      new AssumeRoleCommand({
        RoleArn: first.Role!.Arn,
        RoleSessionName: 's1',
        Tags: [{ Key: 'Project', Value: 'x' }],
        TransitiveTagKeys: ['Project'],
      }),
    );
    const chained = server.clientFor({
      accessKeyId: session.Credentials!.AccessKeyId!,
      secretAccessKey: session.Credentials!.SecretAccessKey!,
      sessionToken: session.Credentials!.SessionToken!,
    });
    expect(
      await awsError(
        chained.sts.send(
          new AssumeRoleCommand({ RoleArn: second.Role!.Arn, RoleSessionName: 's2', Tags: [{ Key: 'PROJECT', Value: 'y' }] }),
        ),
      ),
    ).toMatchObject({
      status: 400,
      message:
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    });
  });
});
