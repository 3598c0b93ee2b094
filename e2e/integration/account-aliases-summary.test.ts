// Account aliases and GetAccountSummary through @aws-sdk/client-iam against a running server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccountAliasCommand,
  GetAccountSummaryCommand,
  IAMServiceException,
  ListAccountAliasesCommand,
} from '@aws-sdk/client-iam';
import { newAccessKeyId } from '../../lib/crypto/ids';
import { errorCode, startServer, type TestServer } from './harness';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.reset();
});

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as IAMServiceException & { Code?: string };
    return { code: e.Code ?? e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('account aliases', () => {
  it('creates, lists, replaces and deletes the one alias of the account', async () => {
    expect(await server.iam.send(new ListAccountAliasesCommand({}))).toMatchObject({ AccountAliases: [], IsTruncated: false });
    await server.iam.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' }));
    expect((await server.iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['example-corp']);
    // Creating the same alias again changes nothing; a different one replaces it (one alias per account).
    await server.iam.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' }));
    await server.iam.send(new CreateAccountAliasCommand({ AccountAlias: 'renamed-corp-2' }));
    expect((await server.iam.send(new ListAccountAliasesCommand({ MaxItems: 1 }))).AccountAliases).toEqual(['renamed-corp-2']);

    const missing = await failure(server.iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'example-corp' })));
    expect(missing).toMatchObject({ code: 'NoSuchEntity', status: 404, message: 'The account alias example-corp cannot be found.' });
    await server.iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'renamed-corp-2' }));
    expect((await server.iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
  });

  it('rejects aliases outside the pattern with ValidationError', async () => {
    for (const alias of ['ab', 'Upper-Case', '-leading', 'trailing-', 'double--dash', 'under_score', 'a'.repeat(64)]) {
      expect(await errorCode(server.iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }))), alias).toBe('ValidationError');
    }
    await server.iam.send(new CreateAccountAliasCommand({ AccountAlias: 'a'.repeat(63) }));
    await server.iam.send(new CreateAccountAliasCommand({ AccountAlias: 'a1b' }));
    expect((await server.iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['a1b']);
  });
});

describe('GetAccountSummary', () => {
  it("reports AWS's quotas and the account's counts", async () => {
    const before = (await server.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(before).toMatchObject({
      UsersQuota: 5000,
      GroupsQuota: 300,
      RolesQuota: 1000,
      PoliciesQuota: 1500,
      InstanceProfilesQuota: 1000,
      GroupsPerUserQuota: 10,
      AccessKeysPerUserQuota: 2,
      AttachedPoliciesPerUserQuota: 10,
      AttachedPoliciesPerGroupQuota: 10,
      AttachedPoliciesPerRoleQuota: 10,
      UserPolicySizeQuota: 2048,
      GroupPolicySizeQuota: 5120,
      RolePolicySizeQuota: 10240,
      AssumeRolePolicySizeQuota: 2048,
      PolicySizeQuota: 6144,
      VersionsPerPolicyQuota: 5,
      SigningCertificatesPerUserQuota: 2,
      ServerCertificatesQuota: 20,
      AccountMFAEnabled: 0,
      AccountAccessKeysPresent: 0,
      AccountSigningCertificatesPresent: 0,
    });
    // The initial state: the admin user in the Administrators group.
    expect(before.Users).toBe(1);
    expect(before.Groups).toBe(1);
    const counts = before as Record<string, number | undefined>;
    for (const key of ['Roles', 'Policies', 'InstanceProfiles', 'MFADevices', 'MFADevicesInUse', 'PolicyVersionsInUse']) {
      expect(counts[key], key).toEqual(expect.any(Number));
    }

    for (const name of ['u1', 'u2', 'u3']) await server.iam.send(new CreateUserCommand({ UserName: name }));
    await server.iam.send(new CreateGroupCommand({ GroupName: 'g1' }));
    await server.iam.send(new AddUserToGroupCommand({ GroupName: 'g1', UserName: 'u1' }));
    await server.iam.send(new CreateAccessKeyCommand({ UserName: 'u1' }));
    const after = (await server.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(after.Users).toBe(4);
    expect(after.Groups).toBe(2);
    // User keys are not root keys.
    expect(after.AccountAccessKeysPresent).toBe(0);
  });

  it('counts roles, customer managed policies and their versions, instance profiles and MFA devices', async () => {
    const before = (await server.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    const document = (action: string) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
    await server.iam.send(
      new CreateRoleCommand({
        RoleName: 'counted-role',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    const { Policy } = await server.iam.send(
      new CreatePolicyCommand({ PolicyName: 'counted-policy', PolicyDocument: document('s3:ListBucket') }),
    );
    await server.iam.send(new CreatePolicyVersionCommand({ PolicyArn: Policy!.Arn, PolicyDocument: document('s3:GetObject') }));
    await server.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'counted-profile' }));
    await server.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'counted-device' }));

    const after = (await server.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(after.Roles).toBe(before.Roles! + 1);
    expect(after.Policies).toBe(before.Policies! + 1);
    expect(after.PolicyVersionsInUse).toBe(before.PolicyVersionsInUse! + 2);
    expect(after.InstanceProfiles).toBe(before.InstanceProfiles! + 1);
    expect(after.MFADevices).toBe(before.MFADevices! + 1);
    // A device not enabled for anyone is not in use.
    expect(after.MFADevicesInUse).toBe(before.MFADevicesInUse);
  });

  it('reports root access keys as AccountAccessKeysPresent', async () => {
    await server.service.store.accessKeys.insert({
      accessKeyId: newAccessKeyId('123456789012'),
      secretEncrypted: server.service.secrets.encrypt('x'.repeat(40)),
      status: 'Active',
      createDate: new Date().toISOString(),
    });
    expect((await server.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.AccountAccessKeysPresent).toBe(1);
  });
});
