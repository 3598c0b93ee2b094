// The authorizer on a real SQLite store: the resource ARN of each kind of operation, the condition keys it
// builds, AccessDenied reasons, the password-policy grant, and that writes invalidate cached policy sets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../crypto/secrets';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/store';
import { testContext } from '../core/test-context';
import type { ServiceConfig } from '../config';
import { systemPrincipal, type OperationContext, type Principal } from '../core/context';
import { IAM_OPERATIONS } from '../iam/operations';
import { createAuthorizer, isAllowedByIdentityPolicies } from './authorizer';
import { principalPolicies } from './principal-policies';
import { addInputContext, principalContext } from './request-context';
import { targetResource } from './resources';
import { policyGeneration } from './generation';

const ACCOUNT = '123456789012';
const NOW = new Date('2026-06-01T10:00:00Z');
let dir: string;
let store: SqliteStore;
let system: OperationContext;

const allowTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const allow = (action: string, resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });

function call(action: string, input: Record<string, unknown>): Promise<any> {
  return store.transaction(() => IAM_OPERATIONS[action]({ ...system, action }, input));
}

async function userPrincipal(userName: string, extra: Partial<Principal> = {}): Promise<Principal> {
  const user = (await store.users.getByName(userName))!;
  return {
    type: 'IAMUser',
    accountId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:user${user.path}${user.userName}`,
    principalId: user.userId,
    userId: user.userId,
    userName: user.userName,
    ...extra,
  };
}

function as(principal: Principal, action: string): OperationContext {
  return { ...system, principal, action };
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h4b-authz-'));
  store = openSqliteStore(dir);
  await store.account.create({ accountId: ACCOUNT, rootEmail: 'root@example.com', createDate: NOW.toISOString() });
  system = testContext(store, {
    principal: systemPrincipal(ACCOUNT),
    config: { accountId: ACCOUNT, region: 'us-east-1' } as ServiceConfig,
    secrets: new SecretBox(randomBytes(32)),
    now: NOW,
    sourceIp: '203.0.113.9',
    userAgent: 'unit-test',
  });
  await call('CreateUser', { UserName: 'bob', Tags: [{ Key: 'team', Value: 'blue' }] });
  await call('CreateUser', { UserName: 'alice', Path: '/staff/', Tags: [{ Key: 'team', Value: 'red' }] });
  await call('CreateGroup', { GroupName: 'Ops', Path: '/ops/' });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('resource ARNs', () => {
  const bob = () => userPrincipal('bob');
  const arnOf = async (action: string, input: Record<string, unknown>, service: 'iam' | 'sts' = 'iam') =>
    (await targetResource(store, await bob(), service, action, input)).arn;

  it('uses the entity ARN with its path, or path / for an entity that does not exist', async () => {
    expect(await arnOf('DeleteUser', { UserName: 'alice' })).toBe(`arn:aws:iam::${ACCOUNT}:user/staff/alice`);
    expect(await arnOf('DeleteUser', { UserName: 'ALICE' })).toBe(`arn:aws:iam::${ACCOUNT}:user/staff/alice`);
    expect(await arnOf('DeleteUser', { UserName: 'ghost' })).toBe(`arn:aws:iam::${ACCOUNT}:user/ghost`);
    expect(await arnOf('GetGroup', { GroupName: 'Ops' })).toBe(`arn:aws:iam::${ACCOUNT}:group/ops/Ops`);
    expect(await arnOf('GetRole', { RoleName: 'r' })).toBe(`arn:aws:iam::${ACCOUNT}:role/r`);
  });

  // Service authorization reference: GetServiceLinkedRoleDeletionStatus acts on the role, and
  // GenerateOrganizationsAccessReport on `access-report/<EntityPath>` (both were authorized on `*`, which a scoped
  // Deny never matches).
  it("targets the service-linked role a deletion task deletes, and the access report's entity path", async () => {
    expect(
      await arnOf('GetServiceLinkedRoleDeletionStatus', {
        DeletionTaskId: 'task/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling/7b0c2e2e-3c2f-4a55-9d4f-1c2b3a4d5e6f',
      }),
    ).toBe(`arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`);
    expect(await arnOf('GenerateOrganizationsAccessReport', { EntityPath: 'o-a1b2c3d4e5/r-f6g7h8i9j0example' })).toBe(
      `arn:aws:iam::${ACCOUNT}:access-report/o-a1b2c3d4e5/r-f6g7h8i9j0example`,
    );
  });

  it('targets the group for membership changes and the user for attachments', async () => {
    expect(await arnOf('AddUserToGroup', { GroupName: 'Ops', UserName: 'alice' })).toBe(`arn:aws:iam::${ACCOUNT}:group/ops/Ops`);
    expect(await arnOf('AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })).toBe(
      `arn:aws:iam::${ACCOUNT}:user/staff/alice`,
    );
    expect(await arnOf('GetPolicy', { PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })).toBe(
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    );
    expect(await arnOf('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'r' })).toBe(
      `arn:aws:iam::${ACCOUNT}:instance-profile/web`,
    );
  });

  it('targets the ARN a created entity will have', async () => {
    expect(await arnOf('CreateUser', { UserName: 'new', Path: '/a/b/' })).toBe(`arn:aws:iam::${ACCOUNT}:user/a/b/new`);
    expect(await arnOf('CreatePolicy', { PolicyName: 'P' })).toBe(`arn:aws:iam::${ACCOUNT}:policy/P`);
    expect(await arnOf('CreateVirtualMFADevice', { VirtualMFADeviceName: 'phone' })).toBe(`arn:aws:iam::${ACCOUNT}:mfa/phone`);
  });

  it('targets the caller for self-service operations without a user name, and * for account listings', async () => {
    expect(await arnOf('ListAccessKeys', {})).toBe(`arn:aws:iam::${ACCOUNT}:user/bob`);
    expect(await arnOf('ChangePassword', { OldPassword: 'a', NewPassword: 'b' })).toBe(`arn:aws:iam::${ACCOUNT}:user/bob`);
    expect(await arnOf('ListUsers', {})).toBe('*');
    expect(await arnOf('GetAccountSummary', {})).toBe('*');
    expect(await arnOf('SimulatePrincipalPolicy', { PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/staff/alice` })).toBe(
      `arn:aws:iam::${ACCOUNT}:user/staff/alice`,
    );
    expect(await arnOf('AssumeRole', { RoleArn: `arn:aws:iam::${ACCOUNT}:role/r` }, 'sts')).toBe(`arn:aws:iam::${ACCOUNT}:role/r`);
    expect(await arnOf('GetCallerIdentity', {}, 'sts')).toBe('*');
  });

  it('targets an MFA device by its own ARN whatever the case of the serial number, and never * for an ARN', async () => {
    await call('CreateVirtualMFADevice', { VirtualMFADeviceName: 'break-glass-mfa' });
    const device = `arn:aws:iam::${ACCOUNT}:mfa/break-glass-mfa`;
    expect(await arnOf('DeleteVirtualMFADevice', { SerialNumber: device })).toBe(device);
    expect(await arnOf('DeleteVirtualMFADevice', { SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/BREAK-GLASS-MFA` })).toBe(device);
    expect(await arnOf('TagMFADevice', { SerialNumber: `ARN:AWS:IAM::${ACCOUNT}:MFA/Break-Glass-MFA` })).toBe(device);
    expect(await arnOf('DeleteVirtualMFADevice', { SerialNumber: `ARN:aws:iam::${ACCOUNT}:mfa/ghost` })).toBe(
      `ARN:aws:iam::${ACCOUNT}:mfa/ghost`,
    );
    expect(await arnOf('DeleteVirtualMFADevice', { SerialNumber: 'GAHT12345678' })).toBe('*');
  });

  it('targets the entity a PolicySourceArn or Arn resolves to, and the ARN as written when it resolves to none', async () => {
    const alice = `arn:aws:iam::${ACCOUNT}:user/staff/alice`;
    for (const action of ['SimulatePrincipalPolicy', 'GetContextKeysForPrincipalPolicy']) {
      expect(await arnOf(action, { PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/staff/ALICE` })).toBe(alice);
      expect(await arnOf(action, { PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/alice` })).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
      expect(await arnOf(action, { PolicySourceArn: 'arn:aws:iam::999999999999:user/staff/alice' })).toBe(
        'arn:aws:iam::999999999999:user/staff/alice',
      );
    }
    for (const action of ['GenerateServiceLastAccessedDetails', 'ListPoliciesGrantingServiceAccess']) {
      expect(await arnOf(action, { Arn: `arn:aws:iam::${ACCOUNT}:group/ops/ops` })).toBe(`arn:aws:iam::${ACCOUNT}:group/ops/Ops`);
      expect(await arnOf(action, { Arn: `arn:aws:iam::${ACCOUNT}:user/fake/staff/alice` })).toBe(
        `arn:aws:iam::${ACCOUNT}:user/fake/staff/alice`,
      );
    }
  });

  it('sees a moved user on the next lookup (memoised per policy generation)', async () => {
    const authorizer = createAuthorizer({ store });
    expect(await arnOf('GetUser', { UserName: 'alice' })).toBe(`arn:aws:iam::${ACCOUNT}:user/staff/alice`);
    const before = policyGeneration(store);
    await authorizer.authorize(as(systemPrincipal(ACCOUNT), 'UpdateUser'), { UserName: 'alice', NewPath: '/moved/' });
    expect(policyGeneration(store)).toBe(before + 1);
    await call('UpdateUser', { UserName: 'alice', NewPath: '/moved/' });
    expect(await arnOf('GetUser', { UserName: 'alice' })).toBe(`arn:aws:iam::${ACCOUNT}:user/moved/alice`);
  });
});

describe('condition keys', () => {
  it('describes the caller, the request, its tags and the target', async () => {
    const principal = await userPrincipal('bob');
    const policies = await principalPolicies(store, principal);
    const ctx = as(principal, 'TagUser');
    const input = {
      UserName: 'alice',
      Tags: [{ Key: 'env', Value: 'prod' }],
      PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    };
    const target = await targetResource(store, principal, 'iam', 'TagUser', input);
    const context = await addInputContext(principalContext({ ...ctx, region: 'us-east-1' }, policies), store, input, target, true);
    expect(context).toMatchObject({
      'aws:username': 'bob',
      'aws:userid': principal.userId,
      'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/bob`,
      'aws:PrincipalAccount': ACCOUNT,
      'aws:PrincipalType': 'User',
      'aws:PrincipalTag/team': 'blue',
      'aws:RequestTag/env': 'prod',
      'aws:TagKeys': ['env'],
      'aws:ResourceTag/team': 'red',
      'iam:ResourceTag/team': 'red',
      'aws:SourceIp': '203.0.113.9',
      'aws:UserAgent': 'unit-test',
      'aws:SecureTransport': 'true',
      'aws:CurrentTime': '2026-06-01T10:00:00.000Z',
      'aws:EpochTime': String(NOW.getTime() / 1000),
      'iam:PermissionsBoundary': 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    // Long-term credentials: no MultiFactorAuthPresent key at all (AWS's documented behaviour).
    expect(context).not.toHaveProperty('aws:MultiFactorAuthPresent');
  });

  it('gives temporary sessions MFA and token keys, and session tags over the entity tags', async () => {
    const principal = await userPrincipal('bob', {
      temporary: true,
      accessKeyId: 'ASIATEST',
      mfaAuthenticated: true,
      mfaAuthTime: new Date(NOW.getTime() - 90_000),
      tokenIssueTime: new Date(NOW.getTime() - 90_000),
      sessionTags: { team: 'green' },
    });
    const context = principalContext({ ...as(principal, 'GetUser') }, await principalPolicies(store, principal));
    expect(context).toMatchObject({
      'aws:MultiFactorAuthPresent': 'true',
      'aws:MultiFactorAuthAge': '90',
      'aws:TokenIssueTime': '2026-06-01T09:58:30.000Z',
      'aws:PrincipalTag/team': 'green',
    });
  });
});

describe('decisions', () => {
  it('denies with the reason, and applies a policy change on the next request', async () => {
    const authorizer = createAuthorizer({ store });
    const bob = await userPrincipal('bob');
    await expect(authorizer.authorize(as(bob, 'GetUser'), { UserName: 'alice' })).rejects.toThrow(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:GetUser on resource: user alice because no identity-based policy allows the iam:GetUser action`,
    );
    await authorizer.authorize(as(systemPrincipal(ACCOUNT), 'PutUserPolicy'), {});
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'p', PolicyDocument: allow('iam:GetUser') });
    await authorizer.authorize(as(bob, 'GetUser'), { UserName: 'alice' });
    expect(await isAllowedByIdentityPolicies(as(bob, 'AssumeRole'), 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/r`)).toBe(false);
  });

  // UpdateUser / UpdateGroup / UpdateServerCertificate API reference: "the requester must have appropriate
  // permissions on both the source object and the target object".
  it('authorizes a rename or move on the target ARN too (new path and name, each defaulting to the current one)', async () => {
    const authorizer = createAuthorizer({ store });
    await call('CreateUser', { UserName: 'sbx1', Path: '/sandbox/' });
    await call('CreateGroup', { GroupName: 'sbxg', Path: '/sandbox/' });
    await call('PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'p',
      PolicyDocument: allow('iam:Update*', `arn:aws:iam::${ACCOUNT}:*/sandbox/*`),
    });
    const bob = await userPrincipal('bob');
    await expect(
      authorizer.authorize(as(bob, 'UpdateUser'), { UserName: 'sbx1', NewPath: '/admins/', NewUserName: 'prod-admin' }),
    ).rejects.toThrow(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:UpdateUser on resource: user prod-admin because no identity-based policy allows the iam:UpdateUser action`,
    );
    await expect(authorizer.authorize(as(bob, 'UpdateUser'), { UserName: 'sbx1', NewPath: '/admins/' })).rejects.toThrow(
      /on resource: user sbx1 because/,
    );
    await expect(authorizer.authorize(as(bob, 'UpdateGroup'), { GroupName: 'sbxg', NewPath: '/admins/' })).rejects.toThrow(
      /iam:UpdateGroup on resource: group sbxg because/,
    );
    await expect(
      authorizer.authorize(as(bob, 'UpdateServerCertificate'), { ServerCertificateName: 'c', NewPath: '/prod/' }),
    ).rejects.toThrow(/iam:UpdateServerCertificate on resource: server-certificate c because/);
    // Within the allowed path both ARNs are allowed.
    await authorizer.authorize(as(bob, 'UpdateUser'), { UserName: 'sbx1', NewUserName: 'sbx2' });
    await authorizer.authorize(as(bob, 'UpdateGroup'), { GroupName: 'sbxg', NewPath: '/sandbox/team/', NewGroupName: 'g2' });
  });

  it('refuses a rename into an ARN an explicit deny names, though the source is allowed', async () => {
    const authorizer = createAuthorizer({ store });
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'all', PolicyDocument: allow('iam:UpdateUser') });
    await call('PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'deny',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 'iam:UpdateUser', Resource: `arn:aws:iam::${ACCOUNT}:user/staff/admin` }],
      }),
    });
    const bob = await userPrincipal('bob');
    await expect(authorizer.authorize(as(bob, 'UpdateUser'), { UserName: 'alice', NewUserName: 'admin' })).rejects.toThrow(
      /on resource: user admin with an explicit deny in an identity-based policy/,
    );
    await authorizer.authorize(as(bob, 'UpdateUser'), { UserName: 'alice', NewUserName: 'alice2' });
  });

  // Tag on create: users of CloudFormation, Terraform and iamlive report CreateRole with Tags refused with
  // "not authorized to perform: iam:TagRole on resource: ..." when only iam:CreateRole is allowed.
  it('authorizes a create with tags for the tagging action too, with the request tags, after the create itself', async () => {
    const authorizer = createAuthorizer({ store });
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'create', PolicyDocument: allow('iam:Create*') });
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'upload', PolicyDocument: allow('iam:UploadServerCertificate') });
    const bob = await userPrincipal('bob');
    const tags = [{ Key: 'team', Value: 'admins' }];
    // Without tags the create alone decides.
    await authorizer.authorize(as(bob, 'CreateRole'), { RoleName: 'r1', AssumeRolePolicyDocument: '{}' });
    await authorizer.authorize(as(bob, 'CreateUser'), { UserName: 'u1', Tags: [] });
    const refusals: Array<[string, Record<string, unknown>, string]> = [
      ['CreateUser', { UserName: 'u1', Path: '/ops/' }, `iam:TagUser on resource: arn:aws:iam::${ACCOUNT}:user/ops/u1`],
      ['CreateRole', { RoleName: 'r1', AssumeRolePolicyDocument: '{}' }, 'iam:TagRole on resource: '],
      ['CreatePolicy', { PolicyName: 'p1', PolicyDocument: '{}' }, 'iam:TagPolicy on resource: '],
      ['CreateInstanceProfile', { InstanceProfileName: 'ip1' }, 'iam:TagInstanceProfile on resource: '],
      ['CreateVirtualMFADevice', { VirtualMFADeviceName: 'm1' }, 'iam:TagMFADevice on resource: '],
      ['CreateSAMLProvider', { Name: 's1', SAMLMetadataDocument: 'x'.repeat(1000) }, 'iam:TagSAMLProvider on resource: '],
      ['CreateOpenIDConnectProvider', { Url: 'https://idp.example.com' }, 'iam:TagOpenIDConnectProvider on resource: '],
      [
        'UploadServerCertificate',
        { ServerCertificateName: 'c1', CertificateBody: 'x', PrivateKey: 'y' },
        'iam:TagServerCertificate on resource: ',
      ],
    ];
    for (const [action, input, message] of refusals) {
      await expect(authorizer.authorize(as(bob, action), { ...input, Tags: tags }), action).rejects.toThrow(message);
    }
    // The tagging action sees aws:RequestTag/* and aws:TagKeys: only the tags it allows pass.
    await authorizer.authorize(as(systemPrincipal(ACCOUNT), 'PutUserPolicy'), {});
    await call('PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'tag',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'iam:Tag*', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } },
          { Effect: 'Deny', Action: 'iam:TagRole', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'tier' } } },
        ],
      }),
    });
    await authorizer.authorize(as(bob, 'CreateRole'), {
      RoleName: 'r1',
      AssumeRolePolicyDocument: '{}',
      Tags: [{ Key: 'team', Value: 'blue' }],
    });
    await expect(
      authorizer.authorize(as(bob, 'CreateRole'), { RoleName: 'r1', AssumeRolePolicyDocument: '{}', Tags: tags }),
    ).rejects.toThrow(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:TagRole on resource: arn:aws:iam::${ACCOUNT}:role/r1 because no identity-based policy allows the iam:TagRole action`,
    );
    await expect(
      authorizer.authorize(as(bob, 'CreateRole'), {
        RoleName: 'r1',
        AssumeRolePolicyDocument: '{}',
        Tags: [
          { Key: 'team', Value: 'blue' },
          { Key: 'tier', Value: 'prod' },
        ],
      }),
    ).rejects.toThrow(/iam:TagRole on resource: arn:aws:iam::\d+:role\/r1 with an explicit deny in an identity-based policy/);
  });

  it('refuses a create with tags for the create itself first, when the caller may tag but not create', async () => {
    const authorizer = createAuthorizer({ store });
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'tag', PolicyDocument: allow('iam:Tag*') });
    const bob = await userPrincipal('bob');
    await expect(
      authorizer.authorize(as(bob, 'CreateRole'), {
        RoleName: 'r1',
        AssumeRolePolicyDocument: '{}',
        Tags: [{ Key: 'team', Value: 'blue' }],
      }),
    ).rejects.toThrow(/iam:CreateRole on resource: .* because no identity-based policy allows the iam:CreateRole action/);
  });

  // AddRoleToInstanceProfile API reference: "The caller of this operation must be granted the PassRole permission
  // on the IAM role by a permissions policy."
  it('authorizes AddRoleToInstanceProfile for iam:PassRole on the role, with the keys PassRole has', async () => {
    const authorizer = createAuthorizer({ store });
    await call('CreateRole', {
      RoleName: 'admin',
      Path: '/prod/',
      AssumeRolePolicyDocument: allowTrust,
      Tags: [{ Key: 'tier', Value: 'prod' }],
    });
    await call('CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: allowTrust });
    await call('CreateInstanceProfile', { InstanceProfileName: 'ip' });
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'add', PolicyDocument: allow('iam:AddRoleToInstanceProfile') });
    const bob = await userPrincipal('bob');
    await expect(
      authorizer.authorize(as(bob, 'AddRoleToInstanceProfile'), { InstanceProfileName: 'ip', RoleName: 'admin' }),
    ).rejects.toThrow(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${ACCOUNT}:role/prod/admin because no identity-based policy allows the iam:PassRole action`,
    );
    await authorizer.authorize(as(systemPrincipal(ACCOUNT), 'PutUserPolicy'), {});
    await call('PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'pass',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'iam:PassRole',
            Resource: '*',
            Condition: {
              StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' },
              ArnLike: { 'iam:AssociatedResourceArn': `arn:aws:ec2:*:${ACCOUNT}:instance/*` },
            },
          },
          { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:ResourceTag/tier': 'prod' } } },
        ],
      }),
    });
    await authorizer.authorize(as(bob, 'AddRoleToInstanceProfile'), { InstanceProfileName: 'ip', RoleName: 'web' });
    await expect(
      authorizer.authorize(as(bob, 'AddRoleToInstanceProfile'), { InstanceProfileName: 'ip', RoleName: 'admin' }),
    ).rejects.toThrow(/iam:PassRole on resource: arn:aws:iam::\d+:role\/prod\/admin with an explicit deny in an identity-based policy/);
    // RemoveRoleFromInstanceProfile passes no role.
    await authorizer.authorize(as(systemPrincipal(ACCOUNT), 'PutUserPolicy'), {});
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'remove', PolicyDocument: allow('iam:RemoveRoleFromInstanceProfile') });
    await authorizer.authorize(as(bob, 'RemoveRoleFromInstanceProfile'), { InstanceProfileName: 'ip', RoleName: 'admin' });
  });

  it('applies a Deny on an MFA device, and its resource tags, to a serial number typed in another case', async () => {
    const authorizer = createAuthorizer({ store });
    await call('CreateVirtualMFADevice', { VirtualMFADeviceName: 'break-glass-mfa', Tags: [{ Key: 'tier', Value: 'critical' }] });
    await call('PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'p',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'iam:*MFADevice*', Resource: '*' },
          { Effect: 'Deny', Action: 'iam:DeleteVirtualMFADevice', Resource: `arn:aws:iam::${ACCOUNT}:mfa/break-glass-mfa` },
          {
            Effect: 'Deny',
            Action: 'iam:UntagMFADevice',
            Resource: '*',
            Condition: { StringEquals: { 'aws:ResourceTag/tier': 'critical' } },
          },
        ],
      }),
    });
    const bob = await userPrincipal('bob');
    const upper = `arn:aws:iam::${ACCOUNT}:mfa/BREAK-GLASS-MFA`;
    await expect(authorizer.authorize(as(bob, 'DeleteVirtualMFADevice'), { SerialNumber: upper })).rejects.toThrow(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:DeleteVirtualMFADevice on resource: ${upper} with an explicit deny in an identity-based policy`,
    );
    await expect(
      authorizer.authorize(as(bob, 'DeleteVirtualMFADevice'), { SerialNumber: `ARN:aws:iam::${ACCOUNT}:mfa/break-glass-mfa` }),
    ).rejects.toThrow(/explicit deny/);
    await expect(authorizer.authorize(as(bob, 'UntagMFADevice'), { SerialNumber: upper, TagKeys: ['tier'] })).rejects.toThrow(
      /explicit deny/,
    );
  });

  it('applies a Deny on a user to SimulatePrincipalPolicy naming it in another case', async () => {
    const authorizer = createAuthorizer({ store });
    await call('PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'p',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'iam:SimulatePrincipalPolicy', Resource: '*' },
          { Effect: 'Deny', Action: 'iam:SimulatePrincipalPolicy', Resource: `arn:aws:iam::${ACCOUNT}:user/staff/alice` },
        ],
      }),
    });
    const bob = await userPrincipal('bob');
    const upper = `arn:aws:iam::${ACCOUNT}:user/staff/ALICE`;
    await expect(authorizer.authorize(as(bob, 'SimulatePrincipalPolicy'), { PolicySourceArn: upper })).rejects.toThrow(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${upper} with an explicit deny in an identity-based policy`,
    );
  });

  it('lets root and the system principal do anything', async () => {
    const authorizer = createAuthorizer({ store });
    await authorizer.authorize(
      as({ type: 'Root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, principalId: ACCOUNT }, 'DeleteUser'),
      { UserName: 'alice' },
    );
    expect(await isAllowedByIdentityPolicies(as(systemPrincipal(ACCOUNT), 'x'), 'iam:DeleteUser', '*')).toBe(true);
  });

  it('grants ChangePassword on oneself when the password policy allows users to change passwords', async () => {
    const authorizer = createAuthorizer({ store });
    const bob = await userPrincipal('bob');
    await expect(authorizer.authorize(as(bob, 'ChangePassword'), { OldPassword: 'a', NewPassword: 'b' })).rejects.toThrow(
      /no identity-based policy allows/,
    );
    await call('UpdateAccountPasswordPolicy', { AllowUsersToChangePassword: true });
    await authorizer.authorize(as(bob, 'ChangePassword'), { OldPassword: 'a', NewPassword: 'b' });
    await authorizer.authorize(as(bob, 'GetAccountPasswordPolicy'), {});
    await expect(authorizer.authorize(as(bob, 'GetUser'), { UserName: 'alice' })).rejects.toThrow(/AccessDenied|not authorized/);
  });

  it('restricts a session whose password must be reset to changing it', async () => {
    const authorizer = createAuthorizer({ store });
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'all', PolicyDocument: allow('iam:*') });
    const bob = { ...(await userPrincipal('bob')), passwordResetRequired: true } as Principal;
    await expect(authorizer.authorize(as(bob, 'ListUsers'), {})).rejects.toThrow(/PasswordResetRequired/);
    await expect(authorizer.authorize(as(bob, 'GetUser'), { UserName: 'alice' })).rejects.toThrow(/PasswordResetRequired/);
    await authorizer.authorize(as(bob, 'GetUser'), {});
    await authorizer.authorize(as(bob, 'ChangePassword'), {});
  });
});

describe('policy generation', () => {
  it('is bumped by writes that can change a decision, not by reads, credential writes or pure creations', async () => {
    const { isMutatingIamAction } = await import('./generation');
    for (const action of [
      'PutUserPolicy',
      'AttachGroupPolicy',
      'AddUserToGroup',
      'CreatePolicyVersion',
      'SetDefaultPolicyVersion',
      'PutRolePermissionsBoundary',
      'TagUser',
      'UpdateUser',
      'CreatePolicy',
      'DeleteRole',
    ]) {
      expect(isMutatingIamAction(action), action).toBe(true);
    }
    for (const action of [
      'GetUser',
      'ListPolicies',
      'SimulatePrincipalPolicy',
      'GenerateCredentialReport',
      'CreateAccessKey',
      'UpdateLoginProfile',
      'ChangePassword',
      'EnableMFADevice',
      'UpdateAccountPasswordPolicy',
      'CreateUser',
      'CreateRole',
      'CreateGroup',
    ]) {
      expect(isMutatingIamAction(action), action).toBe(false);
    }
  });
});

describe('narrow invalidation of cached policy sets by policy-document writes', () => {
  const deny = (action: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] });
  /** Authorizes then runs the write, as the pipeline does. */
  async function write(authorizer: ReturnType<typeof createAuthorizer>, action: string, input: Record<string, unknown>) {
    await authorizer.authorize(as(systemPrincipal(ACCOUNT), action), input);
    return call(action, input);
  }

  it('applies each write to the principals it concerns on the next request, and keeps the other cached sets', async () => {
    const authorizer = createAuthorizer({ store });
    await call('AddUserToGroup', { GroupName: 'Ops', UserName: 'bob' });
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'all', PolicyDocument: allow('iam:*') });
    await call('PutUserPolicy', { UserName: 'alice', PolicyName: 'all', PolicyDocument: allow('iam:*') });
    await authorizer.authorize(as(systemPrincipal(ACCOUNT), 'AttachUserPolicy'), {}); // a full bump: start from fresh sets
    const bob = await userPrincipal('bob');
    const alice = await userPrincipal('alice');
    const get = (p: Principal) => authorizer.authorize(as(p, 'GetUser'), { UserName: 'bob' });
    await expect(get(bob)).resolves.toBeUndefined();
    await expect(get(alice)).resolves.toBeUndefined();
    const aliceSet = await principalPolicies(store, alice);

    // A group's inline policy: its members, not others.
    await write(authorizer, 'PutGroupPolicy', { GroupName: 'ops', PolicyName: 'no', PolicyDocument: deny('iam:GetUser') });
    await expect(get(bob)).rejects.toThrow(/explicit deny/);
    expect(await principalPolicies(store, alice)).toBe(aliceSet);
    await write(authorizer, 'DeleteGroupPolicy', { GroupName: 'Ops', PolicyName: 'no' });
    await expect(get(bob)).resolves.toBeUndefined();

    // A user's inline policy, whatever the case of the name given.
    await write(authorizer, 'PutUserPolicy', { UserName: 'BOB', PolicyName: 'no', PolicyDocument: deny('iam:GetUser') });
    await expect(get(bob)).rejects.toThrow(/explicit deny/);
    expect(await principalPolicies(store, alice)).toBe(aliceSet);
    await write(authorizer, 'DeleteUserPolicy', { UserName: 'bob', PolicyName: 'no' });
    await expect(get(bob)).resolves.toBeUndefined();

    // A managed policy's new default version: the principals it is attached to (directly or through a group).
    const arn = (await write(authorizer, 'CreatePolicy', { PolicyName: 'm', PolicyDocument: allow('s3:GetObject') })).Policy.Arn as string;
    await write(authorizer, 'AttachGroupPolicy', { GroupName: 'Ops', PolicyArn: arn });
    await expect(get(bob)).resolves.toBeUndefined();
    const aliceAgain = await principalPolicies(store, alice);
    await write(authorizer, 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: deny('iam:GetUser'), SetAsDefault: true });
    await expect(get(bob)).rejects.toThrow(/explicit deny/);
    expect(await principalPolicies(store, alice)).toBe(aliceAgain);
    await write(authorizer, 'SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v1' });
    await expect(get(bob)).resolves.toBeUndefined();

    // A trust policy is no part of any cached set.
    await write(authorizer, 'CreateRole', {
      RoleName: 'r',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    await write(authorizer, 'UpdateAssumeRolePolicy', {
      RoleName: 'r',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    expect(await principalPolicies(store, alice)).toBe(aliceAgain);
  });

  it("applies a role's inline policy to its sessions", async () => {
    const authorizer = createAuthorizer({ store });
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }],
    });
    const role = (await call('CreateRole', { RoleName: 'Builder', AssumeRolePolicyDocument: trust })).Role;
    await call('PutRolePolicy', { RoleName: 'Builder', PolicyName: 'all', PolicyDocument: allow('iam:*') });
    const session: Principal = {
      type: 'AssumedRole',
      accountId: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Builder/s`,
      principalId: `${role.RoleId}:s`,
      roleId: role.RoleId,
      roleName: 'Builder',
      roleArn: role.Arn,
      accessKeyId: 'ASIAEXAMPLE',
      temporary: true,
    };
    await authorizer.authorize(as(session, 'ListUsers'), {});
    await write(authorizer, 'PutRolePolicy', { RoleName: 'builder', PolicyName: 'no', PolicyDocument: deny('iam:ListUsers') });
    await expect(authorizer.authorize(as(session, 'ListUsers'), {})).rejects.toThrow(/explicit deny/);
  });

  it('forgets every set when a write names no target', async () => {
    const authorizer = createAuthorizer({ store });
    await call('PutUserPolicy', { UserName: 'bob', PolicyName: 'all', PolicyDocument: allow('iam:*') });
    const before = policyGeneration(store);
    await authorizer.authorize(as(systemPrincipal(ACCOUNT), 'PutUserPolicy'), {});
    expect(policyGeneration(store)).toBe(before + 1);
    await authorizer.authorize(as(systemPrincipal(ACCOUNT), 'PutUserPolicy'), { UserName: 'bob' });
    expect(policyGeneration(store)).toBe(before + 1);
  });
});
