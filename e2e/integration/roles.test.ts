// Roles, service-linked roles and instance profiles through @aws-sdk/client-iam against a running server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteServiceLinkedRoleCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startServer, errorCode, type TestServer } from './harness';

const TRUST_EC2 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe('roles', () => {
  it('creates a role with a path, description, session duration and tags, and reads it back', async () => {
    const created = await server.iam.send(
      new CreateRoleCommand({
        RoleName: 'App-Role',
        Path: '/apps/web/',
        AssumeRolePolicyDocument: TRUST_EC2,
        Description: 'The web app',
        MaxSessionDuration: 7200,
        Tags: [{ Key: 'team', Value: 'web' }],
      }),
    );
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(created.Role?.Arn).toBe(`arn:aws:iam::${server.accountId}:role/apps/web/App-Role`);
    // The SDK does not decode the URL-encoded document: it is returned as AWS sends it.
    expect(decodeURIComponent(created.Role!.AssumeRolePolicyDocument!)).toBe(TRUST_EC2);
    expect(created.Role?.MaxSessionDuration).toBe(7200);
    expect(created.Role?.Tags).toEqual([{ Key: 'team', Value: 'web' }]);

    const fetched = await server.iam.send(new GetRoleCommand({ RoleName: 'app-role' }));
    expect(fetched.Role?.RoleName).toBe('App-Role');
    expect(fetched.Role?.Description).toBe('The web app');
    expect(fetched.Role?.CreateDate).toBeInstanceOf(Date);
    expect(fetched.Role?.Tags).toEqual([{ Key: 'team', Value: 'web' }]);
    expect(fetched.Role?.RoleLastUsed).toEqual({});
    expect(JSON.parse(decodeURIComponent(fetched.Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(TRUST_EC2));
  });

  it('rejects duplicates ignoring case, bad trust policies and out-of-range durations', async () => {
    expect(await errorCode(server.iam.send(new CreateRoleCommand({ RoleName: 'APP-ROLE', AssumeRolePolicyDocument: TRUST_EC2 })))).toBe(
      'EntityAlreadyExists',
    );
    const noPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] });
    expect(await errorCode(server.iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: noPrincipal })))).toBe(
      'MalformedPolicyDocument',
    );
    expect(await errorCode(server.iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: '{nope' })))).toBe(
      'MalformedPolicyDocument',
    );
    const huge = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: Array.from({ length: 60 }, (_, i) => `arn:aws:iam::1234567890${String(i).padStart(2, '0')}:root`) },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    expect(await errorCode(server.iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: huge })))).toBe(
      'LimitExceeded',
    );
    expect(
      await errorCode(
        server.iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: TRUST_EC2, MaxSessionDuration: 100 })),
      ),
    ).toBe('ValidationError');
    expect(await errorCode(server.iam.send(new CreateRoleCommand({ RoleName: 'x'.repeat(65), AssumeRolePolicyDocument: TRUST_EC2 })))).toBe(
      'ValidationError',
    );
    expect(
      await errorCode(
        server.iam.send(
          new CreateRoleCommand({
            RoleName: 'r1',
            AssumeRolePolicyDocument: TRUST_EC2,
            PermissionsBoundary: `arn:aws:iam::${server.accountId}:policy/missing`,
          }),
        ),
      ),
    ).toBe('NoSuchEntity');
    expect(await errorCode(server.iam.send(new GetRoleCommand({ RoleName: 'r1' })))).toBe('NoSuchEntity');
  });

  it('shows a permissions boundary in GetRole but not in ListRoles', async () => {
    await server.iam.send(
      new CreateRoleCommand({
        RoleName: 'bounded',
        AssumeRolePolicyDocument: TRUST_EC2,
        PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
        Tags: [{ Key: 'a', Value: '1' }],
      }),
    );
    const fetched = await server.iam.send(new GetRoleCommand({ RoleName: 'bounded' }));
    expect(fetched.Role?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    const listed = await server.iam.send(new ListRolesCommand({}));
    const bounded = listed.Roles?.find((r) => r.RoleName === 'bounded');
    expect(bounded).toBeDefined();
    expect(bounded?.PermissionsBoundary).toBeUndefined();
    expect(bounded?.Tags).toBeUndefined();
    expect(bounded?.RoleLastUsed).toBeUndefined();
    expect(bounded?.AssumeRolePolicyDocument).toBeDefined();
  });

  it('updates description, session duration and trust policy', async () => {
    await server.iam.send(new UpdateRoleCommand({ RoleName: 'App-Role', Description: 'changed', MaxSessionDuration: 43200 }));
    let role = (await server.iam.send(new GetRoleCommand({ RoleName: 'App-Role' }))).Role!;
    expect(role.Description).toBe('changed');
    expect(role.MaxSessionDuration).toBe(43200);
    const updated = await server.iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'App-Role', Description: 'again' }));
    expect(updated.Role?.Description).toBe('again');
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${server.accountId}:root` }, Action: 'sts:AssumeRole' }],
    });
    await server.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'App-Role', PolicyDocument: trust }));
    role = (await server.iam.send(new GetRoleCommand({ RoleName: 'App-Role' }))).Role!;
    expect(decodeURIComponent(role.AssumeRolePolicyDocument!)).toBe(trust);
    expect(await errorCode(server.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'App-Role', PolicyDocument: '[]' })))).toBe(
      'MalformedPolicyDocument',
    );
    expect(await errorCode(server.iam.send(new UpdateRoleCommand({ RoleName: 'nobody' })))).toBe('NoSuchEntity');
  });

  it('tags, lists tags with pagination and untags a role', async () => {
    await server.iam.send(
      new TagRoleCommand({
        RoleName: 'App-Role',
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'owner', Value: 'me' },
        ],
      }),
    );
    const first = await server.iam.send(new ListRoleTagsCommand({ RoleName: 'App-Role', MaxItems: 2 }));
    expect(first.Tags?.map((t) => t.Key)).toEqual(['team', 'env']);
    expect(first.IsTruncated).toBe(true);
    const second = await server.iam.send(new ListRoleTagsCommand({ RoleName: 'App-Role', MaxItems: 2, Marker: first.Marker }));
    expect(second.Tags).toEqual([{ Key: 'owner', Value: 'me' }]);
    expect(second.IsTruncated).toBe(false);
    await server.iam.send(new UntagRoleCommand({ RoleName: 'App-Role', TagKeys: ['TEAM', 'absent'] }));
    const after = await server.iam.send(new ListRoleTagsCommand({ RoleName: 'App-Role' }));
    expect(after.Tags?.map((t) => t.Key)).toEqual(['env', 'owner']);
    expect(
      await errorCode(
        server.iam.send(
          new TagRoleCommand({
            RoleName: 'App-Role',
            Tags: [
              { Key: 'k', Value: '1' },
              { Key: 'K', Value: '2' },
            ],
          }),
        ),
      ),
    ).toBe('InvalidInput');
  });

  it('lists roles by path prefix across pages', async () => {
    for (let i = 0; i < 5; i++) {
      await server.iam.send(new CreateRoleCommand({ RoleName: `paged-${i}`, Path: '/paging/', AssumeRolePolicyDocument: TRUST_EC2 }));
    }
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await server.iam.send(new ListRolesCommand({ PathPrefix: '/paging/', MaxItems: 2, Marker: marker }));
      names.push(...page.Roles!.map((r) => r.RoleName!));
      marker = page.IsTruncated ? page.Marker : undefined;
      pages++;
    } while (marker);
    expect(names).toEqual(['paged-0', 'paged-1', 'paged-2', 'paged-3', 'paged-4']);
    expect(pages).toBe(3);
    expect(await errorCode(server.iam.send(new ListRolesCommand({ Marker: 'forged' })))).toBe('ValidationError');
  });

  it('refuses to delete a role with attached or inline policies', async () => {
    const allowAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    await server.iam.send(new AttachRolePolicyCommand({ RoleName: 'paged-3', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await server.iam.send(new PutRolePolicyCommand({ RoleName: 'paged-3', PolicyName: 'inline', PolicyDocument: allowAll }));
    await expect(server.iam.send(new DeleteRoleCommand({ RoleName: 'paged-3' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must detach all policies first.',
    });
    await server.iam.send(new DetachRolePolicyCommand({ RoleName: 'paged-3', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await expect(server.iam.send(new DeleteRoleCommand({ RoleName: 'paged-3' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must delete policies first.',
    });
    await server.iam.send(new DeleteRolePolicyCommand({ RoleName: 'paged-3', PolicyName: 'inline' }));
    await server.iam.send(new DeleteRoleCommand({ RoleName: 'paged-3' }));
  });

  it('shows RoleLastUsed once the role has been assumed', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'assumer' }));
    const key = (await server.iam.send(new CreateAccessKeyCommand({ UserName: 'assumer' }))).AccessKey!;
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${server.accountId}:user/assumer` }, Action: 'sts:AssumeRole' }],
    });
    await server.iam.send(new CreateRoleCommand({ RoleName: 'assumed', AssumeRolePolicyDocument: trust }));
    const before = Date.now();
    const { sts } = server.clientFor({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${server.accountId}:role/assumed`, RoleSessionName: 'check' }));
    sts.destroy();
    const role = (await server.iam.send(new GetRoleCommand({ RoleName: 'assumed' }))).Role!;
    expect(role.RoleLastUsed?.Region).toBe('us-east-1');
    expect(role.RoleLastUsed?.LastUsedDate?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('deletes a role and its tags', async () => {
    await server.iam.send(new DeleteRoleCommand({ RoleName: 'paged-4' }));
    expect(await errorCode(server.iam.send(new GetRoleCommand({ RoleName: 'paged-4' })))).toBe('NoSuchEntity');
    expect(await errorCode(server.iam.send(new DeleteRoleCommand({ RoleName: 'paged-4' })))).toBe('NoSuchEntity');
  });
});

describe('service-linked roles', () => {
  it('creates AWSServiceRoleFor<Service> under /aws-service-role/<service>/ with the service as trusted principal', async () => {
    const created = await server.iam.send(
      new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com', Description: 'EB' }),
    );
    const role = created.Role!;
    expect(role.RoleName).toBe('AWSServiceRoleForElasticBeanstalk');
    expect(role.Path).toBe('/aws-service-role/elasticbeanstalk.amazonaws.com/');
    expect(role.Arn).toBe(
      `arn:aws:iam::${server.accountId}:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk`,
    );
    expect(role.RoleId).toMatch(/^AROA/);
    const trust = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!));
    expect(trust.Statement[0].Principal.Service).toBe('elasticbeanstalk.amazonaws.com');
    const attached = await server.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role.RoleName }));
    expect(attached.AttachedPolicies).toEqual([
      {
        PolicyName: 'AWSElasticBeanstalkServiceRolePolicy',
        PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AWSElasticBeanstalkServiceRolePolicy',
      },
    ]);

    // AWS accepts no CustomSuffix for Elastic Beanstalk (recorded from AWS); Auto Scaling takes one.
    expect(
      await errorCode(
        server.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com', CustomSuffix: 'blue' })),
      ),
    ).toBe('InvalidInput');
    const suffixed = await server.iam.send(
      new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com', CustomSuffix: 'blue' }),
    );
    expect(suffixed.Role?.RoleName).toBe('AWSServiceRoleForAutoScaling_blue');
    expect(await errorCode(server.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com' })))).toBe(
      'InvalidInput',
    );
  });

  it('protects a service-linked role from DeleteRole, UpdateAssumeRolePolicy, policy changes and instance profiles', async () => {
    expect(
      await errorCode(server.iam.send(new UpdateRoleCommand({ RoleName: 'AWSServiceRoleForElasticBeanstalk', MaxSessionDuration: 7200 }))),
    ).toBe('UnmodifiableEntity');
    await server.iam.send(new UpdateRoleCommand({ RoleName: 'AWSServiceRoleForElasticBeanstalk', Description: 'edited' }));
    await server.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'slr-profile' }));
    expect(
      await errorCode(
        server.iam.send(
          new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'slr-profile', RoleName: 'AWSServiceRoleForElasticBeanstalk' }),
        ),
      ),
    ).toBe('UnmodifiableEntity');
    await server.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'slr-profile' }));
    expect(await errorCode(server.iam.send(new DeleteRoleCommand({ RoleName: 'AWSServiceRoleForElasticBeanstalk' })))).toBe(
      'UnmodifiableEntity',
    );
    expect(
      await errorCode(
        server.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'AWSServiceRoleForElasticBeanstalk', PolicyDocument: TRUST_EC2 })),
      ),
    ).toBe('UnmodifiableEntity');
    expect(
      await errorCode(
        server.iam.send(
          new AttachRolePolicyCommand({
            RoleName: 'AWSServiceRoleForElasticBeanstalk',
            PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          }),
        ),
      ),
    ).toBe('UnmodifiableEntity');
    expect(
      await errorCode(
        server.iam.send(
          new PutRolePolicyCommand({ RoleName: 'AWSServiceRoleForElasticBeanstalk', PolicyName: 'p', PolicyDocument: TRUST_EC2 }),
        ),
      ),
    ).toBe('UnmodifiableEntity');
  });

  it('deletes through DeleteServiceLinkedRole and reports the task SUCCEEDED', async () => {
    const { DeletionTaskId } = await server.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForElasticBeanstalk' }));
    expect(DeletionTaskId).toMatch(
      /^task\/aws-service-role\/elasticbeanstalk\.amazonaws\.com\/AWSServiceRoleForElasticBeanstalk\/[0-9a-f-]{36}$/,
    );
    const status = await server.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
    expect(status.Status).toBe('SUCCEEDED');
    expect(await errorCode(server.iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForElasticBeanstalk' })))).toBe('NoSuchEntity');
    expect(await errorCode(server.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'App-Role' })))).toBe('InvalidInput');
    expect(
      await errorCode(server.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: 'task/aws-service-role/x/y/z' }))),
    ).toBe('NoSuchEntity');

    // Authorized on the role the task deletes (service authorization reference), not on `*`: a Deny naming it holds.
    await server.iam.send(new CreateUserCommand({ UserName: 'slr-watcher' }));
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'slr-watcher',
        PolicyName: 'status-but-not-beanstalk',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'iam:GetServiceLinkedRoleDeletionStatus', Resource: '*' },
            {
              Effect: 'Deny',
              Action: 'iam:GetServiceLinkedRoleDeletionStatus',
              Resource: `arn:aws:iam::${server.accountId}:role/aws-service-role/elasticbeanstalk.amazonaws.com/*`,
            },
          ],
        }),
      }),
    );
    const key = (await server.iam.send(new CreateAccessKeyCommand({ UserName: 'slr-watcher' }))).AccessKey!;
    const watcher = server.clientFor({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    expect(await errorCode(watcher.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId })))).toBe('AccessDenied');
    watcher.iam.destroy();
  });
});

describe('instance profiles', () => {
  it('creates, tags and reads an instance profile with an AIPA id', async () => {
    const created = await server.iam.send(
      new CreateInstanceProfileCommand({ InstanceProfileName: 'Web-Profile', Path: '/apps/', Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    const profile = created.InstanceProfile!;
    expect(profile.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(profile.Arn).toBe(`arn:aws:iam::${server.accountId}:instance-profile/apps/Web-Profile`);
    expect(profile.Roles).toEqual([]);
    await server.iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'web-profile', Tags: [{ Key: 'k2', Value: 'v2' }] }));
    const tags = await server.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'Web-Profile' }));
    expect(tags.Tags).toEqual([
      { Key: 'k', Value: 'v' },
      { Key: 'k2', Value: 'v2' },
    ]);
    expect(await errorCode(server.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'WEB-PROFILE' })))).toBe(
      'EntityAlreadyExists',
    );
    expect(await errorCode(server.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'none' })))).toBe('NoSuchEntity');
  });

  it('holds at most one role and blocks deleting either side while linked', async () => {
    await server.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'Web-Profile', RoleName: 'App-Role' }));
    const fetched = await server.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'Web-Profile' }));
    expect(fetched.InstanceProfile?.Roles?.map((r) => r.RoleName)).toEqual(['App-Role']);
    expect(fetched.InstanceProfile?.Roles?.[0].Arn).toBe(`arn:aws:iam::${server.accountId}:role/apps/web/App-Role`);
    expect(fetched.InstanceProfile?.Tags?.length).toBe(2);

    const limit = server.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'Web-Profile', RoleName: 'bounded' }));
    await expect(limit).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
    });

    const forRole = await server.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'App-Role' }));
    expect(forRole.InstanceProfiles?.map((p) => p.InstanceProfileName)).toEqual(['Web-Profile']);
    const listed = await server.iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/apps/' }));
    expect(listed.InstanceProfiles?.map((p) => p.InstanceProfileName)).toEqual(['Web-Profile']);
    expect(listed.InstanceProfiles?.[0].Roles?.[0].RoleName).toBe('App-Role');

    await expect(server.iam.send(new DeleteRoleCommand({ RoleName: 'App-Role' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must remove roles from instance profile first.',
    });
    expect(await errorCode(server.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'Web-Profile' })))).toBe(
      'DeleteConflict',
    );

    await server.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'Web-Profile', RoleName: 'App-Role' }));
    expect(
      await errorCode(
        server.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'Web-Profile', RoleName: 'App-Role' })),
      ),
    ).toBe('NoSuchEntity');
    await server.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'Web-Profile' }));
    expect(await errorCode(server.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'Web-Profile' })))).toBe('NoSuchEntity');
    await server.iam.send(new DeleteRoleCommand({ RoleName: 'App-Role' }));
  });
});

describe('GetAccountAuthorizationDetails', () => {
  let details: TestServer;
  const allow = (action: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

  beforeAll(async () => {
    details = await startServer();
    const iam = details.iam;
    const policy = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'Local-Read', Path: '/local/', PolicyDocument: allow('s3:GetObject') }),
    );
    await iam.send(
      new CreateUserCommand({
        UserName: 'alice',
        Path: '/people/',
        PermissionsBoundary: policy.Policy!.Arn,
        Tags: [{ Key: 'team', Value: 'x' }],
      }),
    );
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'alice' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: policy.Policy!.Arn }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'inline-user', PolicyDocument: allow('s3:ListBucket') }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: TRUST_EC2, Tags: [{ Key: 'k', Value: 'v' }] }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'worker', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'worker', PolicyName: 'inline-role', PolicyDocument: allow('sqs:SendMessage') }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'worker-profile' }));
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'worker-profile', RoleName: 'worker' }));
  });
  afterAll(async () => {
    await details.stop();
  });

  it('returns users, groups and roles with their policies, and local plus attached AWS managed policies', async () => {
    const result = await details.iam.send(new GetAccountAuthorizationDetailsCommand({}));
    expect(result.IsTruncated).toBe(false);
    const alice = result.UserDetailList?.find((u) => u.UserName === 'alice');
    expect(alice?.Arn).toBe(`arn:aws:iam::${details.accountId}:user/people/alice`);
    expect(alice?.GroupList).toEqual(['readers']);
    expect(alice?.AttachedManagedPolicies).toEqual([
      { PolicyName: 'Local-Read', PolicyArn: `arn:aws:iam::${details.accountId}:policy/local/Local-Read` },
    ]);
    expect(alice?.UserPolicyList?.map((p) => [p.PolicyName, decodeURIComponent(p.PolicyDocument!)])).toEqual([
      ['inline-user', allow('s3:ListBucket')],
    ]);
    expect(alice?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(`arn:aws:iam::${details.accountId}:policy/local/Local-Read`);
    expect(alice?.Tags).toEqual([{ Key: 'team', Value: 'x' }]);

    const readers = result.GroupDetailList?.find((g) => g.GroupName === 'readers');
    expect(readers?.AttachedManagedPolicies).toEqual([
      { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ]);
    expect(readers?.GroupId).toMatch(/^AGPA/);

    const worker = result.RoleDetailList?.find((r) => r.RoleName === 'worker');
    expect(worker?.RoleId).toMatch(/^AROA/);
    expect(decodeURIComponent(worker!.AssumeRolePolicyDocument!)).toBe(TRUST_EC2);
    expect(worker?.InstanceProfileList?.map((p) => [p.InstanceProfileName, p.Roles?.map((r) => r.RoleName)])).toEqual([
      ['worker-profile', ['worker']],
    ]);
    expect(worker?.InstanceProfileList?.[0].InstanceProfileId).toMatch(/^AIPA/);
    expect(worker?.RolePolicyList?.map((p) => p.PolicyName)).toEqual(['inline-role']);
    expect(worker?.AttachedManagedPolicies?.map((p) => p.PolicyArn)).toEqual(['arn:aws:iam::aws:policy/IAMReadOnlyAccess']);
    expect(worker?.Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    expect(worker?.RoleLastUsed).toEqual({});

    const arns = result.Policies?.map((p) => p.Arn);
    expect(arns).toContain(`arn:aws:iam::${details.accountId}:policy/local/Local-Read`);
    expect(arns).toContain('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(arns).toContain('arn:aws:iam::aws:policy/IAMReadOnlyAccess');
    // Only the AWS managed policies in use, not the whole catalogue.
    expect(arns).not.toContain('arn:aws:iam::aws:policy/PowerUserAccess');
    const local = result.Policies?.find((p) => p.PolicyName === 'Local-Read');
    expect(local?.AttachmentCount).toBe(1);
    expect(local?.PermissionsBoundaryUsageCount).toBe(1);
    expect(local?.PolicyVersionList?.map((v) => [v.VersionId, v.IsDefaultVersion, decodeURIComponent(v.Document!)])).toEqual([
      ['v1', true, allow('s3:GetObject')],
    ]);
    const readOnly = result.Policies?.find((p) => p.PolicyName === 'ReadOnlyAccess');
    expect(readOnly?.PolicyVersionList?.find((v) => v.IsDefaultVersion)?.VersionId).toBe(readOnly?.DefaultVersionId);
  });

  it('honours Filter', async () => {
    const roles = await details.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    expect(roles.RoleDetailList?.map((r) => r.RoleName)).toEqual(['worker']);
    expect(roles.UserDetailList ?? []).toEqual([]);
    expect(roles.Policies ?? []).toEqual([]);
    const awsManaged = await details.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['AWSManagedPolicy'] }));
    expect(awsManaged.Policies?.map((p) => p.PolicyName).sort()).toEqual(expect.arrayContaining(['IAMReadOnlyAccess', 'ReadOnlyAccess']));
    expect(awsManaged.Policies?.every((p) => p.Arn!.startsWith('arn:aws:iam::aws:policy/'))).toBe(true);
    const local = await details.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy', 'Group'] }));
    expect(local.Policies?.map((p) => p.PolicyName)).toEqual(['Local-Read']);
    expect(local.GroupDetailList?.map((g) => g.GroupName)).toContain('readers');
  });

  it('paginates with MaxItems across all lists, every item exactly once', async () => {
    const whole = await details.iam.send(new GetAccountAuthorizationDetailsCommand({}));
    const names = (page: GetAccountAuthorizationDetailsCommandOutput) => [
      ...(page.UserDetailList ?? []).map((u) => `user:${u.UserName}`),
      ...(page.GroupDetailList ?? []).map((g) => `group:${g.GroupName}`),
      ...(page.RoleDetailList ?? []).map((r) => `role:${r.RoleName}`),
      ...(page.Policies ?? []).map((p) => `policy:${p.Arn}`),
    ];
    const expected = names(whole);
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await details.iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 2, Marker: marker }));
      const items = names(page);
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items);
      marker = page.IsTruncated ? page.Marker : undefined;
      pages++;
    } while (marker && pages < 50);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    expect(await errorCode(details.iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: 'gh1.bm90LWpzb24' })))).toBe(
      'ValidationError',
    );
  });
});
