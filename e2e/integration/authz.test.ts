// Authorization of every call through the AWS SDK: AccessDenied with each of AWS's reasons, changes that apply
// on the very next request, group membership, resource and principal tags, session policies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DeleteUserCommand,
  GetGroupCommand,
  GetUserCommand,
  ListGroupsCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  TagUserCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startServer, type Credentials, type TestServer } from './harness';

let server: TestServer;
let bob: IAMClient;
let bobCredentials: Credentials;
const ACCOUNT = '123456789012';

async function denial(promise: Promise<unknown>): Promise<{ code: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; Code?: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { code: e.Code ?? e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to be denied, but it succeeded');
}

const allow = (action: string | string[], resource: string | string[] = '*', condition?: object) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }],
  });
const deny = (action: string | string[], resource: string | string[] = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: resource }] });

beforeAll(async () => {
  server = await startServer();
  await server.iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await server.iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/staff/' }));
  const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
  bobCredentials = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  bob = server.clientFor(bobCredentials).iam;
});

afterAll(async () => {
  bob?.destroy();
  await server?.stop();
});

describe('AccessDenied reasons', () => {
  it('denies a user without policies: no identity-based policy allows, on the resource named as in the request', async () => {
    const error = await denial(bob.send(new GetUserCommand({ UserName: 'alice' })));
    expect(error).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:GetUser on resource: user alice because no identity-based policy allows the iam:GetUser action`,
    });
  });

  it('applies a new inline policy on the very next request', async () => {
    await server.iam.send(
      new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'read', PolicyDocument: allow(['iam:GetUser', 'iam:ListUsers']) }),
    );
    expect((await bob.send(new GetUserCommand({ UserName: 'alice' }))).User?.UserName).toBe('alice');
  });

  it('names an explicit deny in an identity-based policy', async () => {
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'bob',
        PolicyName: 'no-alice',
        PolicyDocument: deny('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/staff/*`),
      }),
    );
    const error = await denial(bob.send(new GetUserCommand({ UserName: 'alice' })));
    expect(error.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:GetUser on resource: user alice with an explicit deny in an identity-based policy`,
    );
    // The deny names only /staff/ users: bob still reads himself.
    expect((await bob.send(new GetUserCommand({}))).User?.UserName).toBe('bob');
    await server.iam.send(new DeleteUserPolicyCommand({ UserName: 'bob', PolicyName: 'no-alice' }));
    expect((await bob.send(new GetUserCommand({ UserName: 'alice' }))).User?.UserName).toBe('alice');
  });

  it('names a permissions boundary that allows nothing of the action', async () => {
    const boundary = await server.iam.send(new CreatePolicyCommand({ PolicyName: 'list-only', PolicyDocument: allow('iam:List*') }));
    await server.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bob', PermissionsBoundary: boundary.Policy!.Arn! }));
    const error = await denial(bob.send(new GetUserCommand({ UserName: 'alice' })));
    expect(error.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:GetUser on resource: user alice because no permissions boundary allows the iam:GetUser action`,
    );
    // Allowed by both the identity policy and the boundary.
    expect((await bob.send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
    await server.iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'bob' }));
    expect((await bob.send(new GetUserCommand({ UserName: 'alice' }))).User?.UserName).toBe('alice');
  });

  it('applies a new default version of a managed policy on the very next request', async () => {
    const policy = await server.iam.send(new CreatePolicyCommand({ PolicyName: 'groups-v', PolicyDocument: allow('iam:ListGroups') }));
    await server.iam.send(new CreateGroupCommand({ GroupName: 'versioned' }));
    await server.iam.send(new AttachGroupPolicyCommand({ GroupName: 'versioned', PolicyArn: policy.Policy!.Arn! }));
    await server.iam.send(new AddUserToGroupCommand({ GroupName: 'versioned', UserName: 'bob' }));
    expect((await bob.send(new ListGroupsCommand({}))).Groups).toBeDefined();
    await server.iam.send(
      new CreatePolicyVersionCommand({ PolicyArn: policy.Policy!.Arn!, PolicyDocument: allow('iam:ListRoles'), SetAsDefault: true }),
    );
    expect((await denial(bob.send(new ListGroupsCommand({})))).code).toBe('AccessDenied');
    expect((await bob.send(new ListRolesCommand({}))).Roles).toBeDefined();
    await server.iam.send(new RemoveUserFromGroupCommand({ GroupName: 'versioned', UserName: 'bob' }));
  });
});

describe('AccessDenied reveals nothing of what exists', () => {
  it('reads the same for a user with a deep path and for a user that does not exist', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'payroll', Path: '/finance/payroll/' }));
    const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'payroll' }));
    const nobody = server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).iam;
    await server.iam.send(new CreateUserCommand({ UserName: 'paula', Path: '/finance/payroll/' }));
    const existing = await denial(nobody.send(new GetUserCommand({ UserName: 'paula' })));
    const missing = await denial(nobody.send(new GetUserCommand({ UserName: 'nobody-here' })));
    expect(existing.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/finance/payroll/payroll is not authorized to perform: iam:GetUser on resource: user paula because no identity-based policy allows the iam:GetUser action`,
    );
    expect(missing.message).toBe(existing.message.replace('user paula', 'user nobody-here'));
    expect(existing.message).not.toContain('user/finance/payroll/paula');
    // Roles, groups and policies alike: the request's own words.
    expect((await denial(nobody.send(new GetGroupCommand({ GroupName: 'no-such-group' })))).message).toContain(
      'on resource: group no-such-group because',
    );
    nobody.destroy();
  });
});

describe('creations', () => {
  it('judge a user created after a request that named it by its real ARN with path (absence is not remembered)', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'frank' }));
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'frank',
        PolicyName: 'ops-only',
        PolicyDocument: allow('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/ops/*`),
      }),
    );
    const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'frank' }));
    const frank = server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).iam;
    // erin does not exist yet: the request is judged on user/erin, which the policy does not name.
    expect((await denial(frank.send(new GetUserCommand({ UserName: 'erin' })))).code).toBe('AccessDenied');
    await server.iam.send(new CreateUserCommand({ UserName: 'erin', Path: '/ops/' }));
    expect((await frank.send(new GetUserCommand({ UserName: 'erin' }))).User?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/ops/erin`);
    // Deleting and re-creating elsewhere is seen at once too.
    await server.iam.send(new DeleteUserCommand({ UserName: 'erin' }));
    await server.iam.send(new CreateUserCommand({ UserName: 'erin', Path: '/dev/' }));
    expect((await denial(frank.send(new GetUserCommand({ UserName: 'erin' })))).code).toBe('AccessDenied');
    frank.destroy();
  });
});

describe('actions a request needs besides its own', () => {
  // A caller allowed CreateRole but not TagRole could otherwise create a role carrying the tags an ABAC policy
  // trusts (team=admins) in one call.
  it('refuse a create with tags the caller may not add, and create nothing', async () => {
    const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    const alice = server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).iam;
    await server.iam.send(
      new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'create-roles', PolicyDocument: allow('iam:CreateRole') }),
    );
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const error = await denial(
      alice.send(new CreateRoleCommand({ RoleName: 'tagged', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'team', Value: 'admins' }] })),
    );
    expect(error).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${ACCOUNT}:user/staff/alice is not authorized to perform: iam:TagRole on resource: arn:aws:iam::${ACCOUNT}:role/tagged because no identity-based policy allows the iam:TagRole action`,
    });
    expect((await denial(server.iam.send(new GetRoleCommand({ RoleName: 'tagged' })))).code).toBe('NoSuchEntity');
    expect((await alice.send(new CreateRoleCommand({ RoleName: 'untagged', AssumeRolePolicyDocument: trust }))).Role?.RoleName).toBe(
      'untagged',
    );
    alice.destroy();
  });

  // AddRoleToInstanceProfile API reference: "The caller of this operation must be granted the PassRole permission
  // on the IAM role by a permissions policy."
  it('authorize AddRoleToInstanceProfile for iam:PassRole on the role', async () => {
    await server.iam.send(
      new CreateRoleCommand({
        RoleName: 'ec2-admin',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    await server.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web' }));
    await server.iam.send(
      new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'profiles', PolicyDocument: allow('iam:AddRoleToInstanceProfile') }),
    );
    const error = await denial(bob.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'ec2-admin' })));
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${ACCOUNT}:role/ec2-admin because no identity-based policy allows the iam:PassRole action`,
    );
    expect((await server.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).InstanceProfile?.Roles).toEqual([]);
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'bob',
        PolicyName: 'pass-to-ec2',
        PolicyDocument: allow('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/ec2-*`, {
          StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' },
        }),
      }),
    );
    await bob.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'ec2-admin' }));
    const roles = (await server.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).InstanceProfile?.Roles;
    expect(roles?.map((r) => r.RoleName)).toEqual(['ec2-admin']);
  });
});

describe('group membership', () => {
  it('grants what the group allows while the user is a member', async () => {
    await server.iam.send(new CreateGroupCommand({ GroupName: 'role-readers' }));
    const policy = await server.iam.send(new CreatePolicyCommand({ PolicyName: 'role-read', PolicyDocument: allow('iam:ListRoles') }));
    await server.iam.send(new AttachGroupPolicyCommand({ GroupName: 'role-readers', PolicyArn: policy.Policy!.Arn! }));
    expect((await denial(bob.send(new ListRolesCommand({})))).code).toBe('AccessDenied');
    await server.iam.send(new AddUserToGroupCommand({ GroupName: 'role-readers', UserName: 'bob' }));
    expect((await bob.send(new ListRolesCommand({}))).Roles).toBeDefined();
    await server.iam.send(new RemoveUserFromGroupCommand({ GroupName: 'role-readers', UserName: 'bob' }));
    expect((await denial(bob.send(new ListRolesCommand({})))).code).toBe('AccessDenied');
  });
});

describe('condition keys', () => {
  it('compares the target user’s tags with the caller’s (aws:ResourceTag, aws:PrincipalTag)', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'carol', Tags: [{ Key: 'team', Value: 'blue' }] }));
    await server.iam.send(new CreateUserCommand({ UserName: 'dave', Tags: [{ Key: 'team', Value: 'red' }] }));
    await server.iam.send(new TagUserCommand({ UserName: 'bob', Tags: [{ Key: 'team', Value: 'blue' }] }));
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'bob',
        PolicyName: 'same-team-delete',
        PolicyDocument: allow('iam:DeleteUser', '*', { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }),
      }),
    );
    const error = await denial(bob.send(new DeleteUserCommand({ UserName: 'dave' })));
    expect(error.message).toContain('because no identity-based policy allows the iam:DeleteUser action');
    await bob.send(new DeleteUserCommand({ UserName: 'carol' }));
  });

  it('checks aws:RequestTag and aws:TagKeys of the request', async () => {
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'bob',
        PolicyName: 'create-tagged',
        // A create with tags is authorized for the tagging action too (with the same request tags).
        PolicyDocument: allow(['iam:CreateUser', 'iam:TagUser'], '*', {
          StringEquals: { 'aws:RequestTag/owner': '${aws:username}' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['owner'] },
        }),
      }),
    );
    expect((await denial(bob.send(new CreateUserCommand({ UserName: 'u1', Tags: [{ Key: 'owner', Value: 'someone' }] })))).code).toBe(
      'AccessDenied',
    );
    expect(
      (
        await denial(
          bob.send(
            new CreateUserCommand({
              UserName: 'u2',
              Tags: [
                { Key: 'owner', Value: 'bob' },
                { Key: 'x', Value: 'y' },
              ],
            }),
          ),
        )
      ).code,
    ).toBe('AccessDenied');
    expect((await bob.send(new CreateUserCommand({ UserName: 'u3', Tags: [{ Key: 'owner', Value: 'bob' }] }))).User?.UserName).toBe('u3');
  });
});

describe('role sessions', () => {
  it('narrows a role session to what its session policy allows', async () => {
    await server.iam.send(
      new CreateRoleCommand({
        RoleName: 'auditor',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    await server.iam.send(new PutRolePolicyCommand({ RoleName: 'auditor', PolicyName: 'list', PolicyDocument: allow('iam:List*') }));
    const sts = server.clientFor(bobCredentials).sts;
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/auditor`, RoleSessionName: 'narrow', Policy: allow('iam:ListUsers') }),
    );
    sts.destroy();
    const session = server.clientFor({
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    }).iam;
    expect((await session.send(new ListUsersCommand({}))).Users).toBeDefined();
    const error = await denial(session.send(new ListRolesCommand({})));
    expect(error.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/auditor/narrow is not authorized to perform: iam:ListRoles on resource: * because no session policy allows the iam:ListRoles action`,
    );
    // Outside the role's own policies, the session policy cannot grant anything.
    expect((await denial(session.send(new GetUserCommand({ UserName: 'alice' })))).message).toContain(
      'because no identity-based policy allows',
    );
    session.destroy();
  });
});
