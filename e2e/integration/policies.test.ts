// Managed policies (AWS managed catalogue and customer), versions, tags, attachments, inline policies and
// permissions boundaries through @aws-sdk/client-iam against a running server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateUserCommand,
  DeleteGroupPolicyCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupPoliciesCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  PutGroupPolicyCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SetDefaultPolicyVersionCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
  type IAMClient,
  type Policy,
} from '@aws-sdk/client-iam';
import { errorCode, startServer, type TestServer } from './harness';

const AWS = 'arn:aws:iam::aws:policy/';
const ADMIN_DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const TRUST_EC2 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** A small valid document allowing one action, optionally padded with a long Sid-free resource list. */
function allow(action: string, resources: string[] = ['*']): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resources }] });
}

/** A valid document of roughly `size` non-whitespace characters. */
function documentOfSize(size: number): string {
  const base = allow('s3:GetObject', []);
  const resources: string[] = [];
  let text = base;
  let i = 0;
  while (text.length < size) {
    resources.push(`arn:aws:s3:::bucket-${i++}/*`);
    text = allow('s3:GetObject', resources);
  }
  return text;
}

let server: TestServer;
let iam: IAMClient;
let account: string;
const arnOf = (path: string, name: string) => `arn:aws:iam::${account}:policy${path}${name}`;

beforeAll(async () => {
  server = await startServer();
  iam = server.iam;
  account = server.accountId;
});
afterAll(async () => {
  await server.stop();
});

/** The AWS error code and message of a rejected SDK call (fails the test when the call succeeds). */
async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { Code?: string }).Code ?? (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

async function listAll(input: ConstructorParameters<typeof ListPoliciesCommand>[0]): Promise<{ policies: Policy[]; pages: number }> {
  const policies: Policy[] = [];
  let marker: string | undefined;
  let pages = 0;
  do {
    const page = await iam.send(new ListPoliciesCommand({ ...input, Marker: marker }));
    policies.push(...(page.Policies ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
    pages++;
  } while (marker);
  return { policies, pages };
}

describe('AWS managed policies', () => {
  it('has the common job-function policies with their real documents', async () => {
    for (const name of [
      'AdministratorAccess',
      'PowerUserAccess',
      'ReadOnlyAccess',
      'IAMFullAccess',
      'IAMReadOnlyAccess',
      'IAMUserChangePassword',
    ]) {
      const { Policy: policy } = await iam.send(new GetPolicyCommand({ PolicyArn: AWS + name }));
      expect(policy?.PolicyName).toBe(name);
      expect(policy?.Arn).toBe(AWS + name);
      expect(policy?.Path).toBe('/');
      expect(policy?.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
      expect(policy?.IsAttachable).toBe(true);
      expect(policy?.DefaultVersionId).toMatch(/^v\d+$/);
      const { PolicyVersion: version } = await iam.send(
        new GetPolicyVersionCommand({ PolicyArn: AWS + name, VersionId: policy!.DefaultVersionId }),
      );
      expect(version?.IsDefaultVersion).toBe(true);
      expect(JSON.parse(decodeURIComponent(version!.Document!)).Version).toBe('2012-10-17');
    }
    const admin = await iam.send(new GetPolicyVersionCommand({ PolicyArn: AWS + 'AdministratorAccess', VersionId: 'v1' }));
    expect(JSON.parse(decodeURIComponent(admin.PolicyVersion!.Document!))).toEqual(ADMIN_DOCUMENT);
  });

  it('lists the versions of an AWS managed policy newest first and serves older ones', async () => {
    const { Versions } = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: AWS + 'PowerUserAccess' }));
    expect(Versions!.length).toBeGreaterThan(1);
    expect(Versions!.filter((v) => v.IsDefaultVersion)).toHaveLength(1);
    expect(Versions![0].IsDefaultVersion).toBe(true);
    const numbers = Versions!.map((v) => Number(v.VersionId!.slice(1)));
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    const oldest = await iam.send(new GetPolicyVersionCommand({ PolicyArn: AWS + 'PowerUserAccess', VersionId: 'v1' }));
    expect(oldest.PolicyVersion?.IsDefaultVersion).toBe(false);
    expect(JSON.parse(decodeURIComponent(oldest.PolicyVersion!.Document!)).Statement[0].NotAction).toBe('iam:*');
    expect(await errorCode(iam.send(new GetPolicyVersionCommand({ PolicyArn: AWS + 'PowerUserAccess', VersionId: 'v999' })))).toBe(
      'NoSuchEntity',
    );
  });

  it('knows service-role policies with their path', async () => {
    const { Policy: policy } = await iam.send(new GetPolicyCommand({ PolicyArn: AWS + 'service-role/AWSLambdaRole' }));
    expect(policy?.Path).toBe('/service-role/');
    expect(policy?.PolicyName).toBe('AWSLambdaRole');
  });

  it('lists the whole catalogue with Scope=AWS across pages, by name, and filters by path prefix', async () => {
    const { policies, pages } = await listAll({ Scope: 'AWS', MaxItems: 500 });
    expect(policies.length).toBeGreaterThan(1000);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(policies.map((p) => p.Arn)).size).toBe(policies.length);
    const names = policies.map((p) => p.PolicyName!.toLowerCase());
    expect([...names].sort()).toEqual(names);
    const serviceRoles = await listAll({ Scope: 'AWS', PathPrefix: '/service-role/' });
    expect(serviceRoles.policies.length).toBeGreaterThan(10);
    expect(serviceRoles.policies.every((p) => p.Path === '/service-role/')).toBe(true);
  });

  it('refuses to change AWS managed policies and reports unknown ones', async () => {
    expect(await errorCode(iam.send(new DeletePolicyCommand({ PolicyArn: AWS + 'ReadOnlyAccess' })))).toBe('AccessDenied');
    expect(
      await errorCode(iam.send(new CreatePolicyVersionCommand({ PolicyArn: AWS + 'ReadOnlyAccess', PolicyDocument: allow('s3:*') }))),
    ).toBe('AccessDenied');
    expect(await errorCode(iam.send(new TagPolicyCommand({ PolicyArn: AWS + 'ReadOnlyAccess', Tags: [{ Key: 'a', Value: 'b' }] })))).toBe(
      'AccessDenied',
    );
    expect(await errorCode(iam.send(new GetPolicyCommand({ PolicyArn: AWS + 'NoSuchPolicyAtAll' })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new GetPolicyCommand({ PolicyArn: 'not-an-arn-but-long-enough' })))).toBe('InvalidInput');
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: AWS + 'ReadOnlyAccess' }))).Tags).toEqual([]);
  });
});

describe('customer managed policies', () => {
  it('creates a policy with path, description and tags; GetPolicy and GetPolicyVersion read it back', async () => {
    const document = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ReadReports',
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:ListBucket'],
            Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/a+b & c%20d/é*'],
            Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
          },
        ],
      },
      null,
      2,
    );
    const created = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'Reports-Read',
        Path: '/team/reports/',
        PolicyDocument: document,
        Description: 'Read the reports bucket',
        Tags: [{ Key: 'team', Value: 'data' }],
      }),
    );
    expect(created.Policy?.Arn).toBe(arnOf('/team/reports/', 'Reports-Read'));
    expect(created.Policy?.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(created.Policy?.DefaultVersionId).toBe('v1');
    expect(created.Policy?.AttachmentCount).toBe(0);
    expect(created.Policy?.PermissionsBoundaryUsageCount).toBe(0);
    expect(created.Policy?.IsAttachable).toBe(true);
    expect(created.Policy?.CreateDate).toBeInstanceOf(Date);

    const { Policy: fetched } = await iam.send(new GetPolicyCommand({ PolicyArn: created.Policy!.Arn }));
    expect(fetched?.Description).toBe('Read the reports bucket');
    expect(fetched?.Tags).toEqual([{ Key: 'team', Value: 'data' }]);
    expect(fetched?.PolicyName).toBe('Reports-Read');

    const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: created.Policy!.Arn, VersionId: 'v1' }));
    // The document comes back URL-encoded, exactly as written once decoded (whitespace included).
    expect(PolicyVersion?.Document).not.toBe(document);
    expect(decodeURIComponent(PolicyVersion!.Document!)).toBe(document);
    expect(PolicyVersion?.IsDefaultVersion).toBe(true);
  });

  it('rejects duplicate names ignoring case, malformed documents and oversized ones', async () => {
    await iam.send(new CreatePolicyCommand({ PolicyName: 'Dup', PolicyDocument: allow('s3:*') }));
    expect(await errorCode(iam.send(new CreatePolicyCommand({ PolicyName: 'DUP', PolicyDocument: allow('s3:*') })))).toBe(
      'EntityAlreadyExists',
    );
    const malformed = iam.send(
      new CreatePolicyCommand({ PolicyName: 'Bad', PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}' }),
    );
    expect(await rejection(malformed)).toMatchObject({ code: 'MalformedPolicyDocument' });
    expect(await errorCode(iam.send(new CreatePolicyCommand({ PolicyName: 'Bad2', PolicyDocument: '{not json' })))).toBe(
      'MalformedPolicyDocument',
    );
    const big = documentOfSize(6200);
    expect(await rejection(iam.send(new CreatePolicyCommand({ PolicyName: 'Big', PolicyDocument: big })))).toMatchObject({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PolicySize: 6144',
    });
    // Whitespace does not count towards the size.
    const spaced = JSON.stringify(JSON.parse(documentOfSize(6000)), null, 8);
    expect(spaced.length).toBeGreaterThan(6144);
    await iam.send(new CreatePolicyCommand({ PolicyName: 'Spaced', PolicyDocument: spaced }));
  });

  it('manages versions: create, default, list newest first, delete, at most five', async () => {
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Versioned', PolicyDocument: allow('s3:GetObject') }))).Policy!.Arn!;
    const v2 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:PutObject') }));
    expect(v2.PolicyVersion).toMatchObject({ VersionId: 'v2', IsDefaultVersion: false });
    const v3 = await iam.send(
      new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:DeleteObject'), SetAsDefault: true }),
    );
    expect(v3.PolicyVersion).toMatchObject({ VersionId: 'v3', IsDefaultVersion: true });
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v3');

    const listed = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v3', true],
      ['v2', false],
      ['v1', false],
    ]);
    const page = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 2 }));
    expect(page.IsTruncated).toBe(true);
    const rest = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 2, Marker: page.Marker }));
    expect(rest.Versions?.map((v) => v.VersionId)).toEqual(['v1']);
    expect(rest.IsTruncated).toBe(false);

    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:GetBucketAcl') }));
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:PutBucketAcl') }));
    expect(await rejection(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:*') })))).toMatchObject({
      code: 'LimitExceeded',
      message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    });
    expect(await errorCode(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: '{"Version":"2012-10-17"}' })))).toBe(
      'MalformedPolicyDocument',
    );

    expect(await errorCode(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' })))).toBe('DeleteConflict');
    expect(await errorCode(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' })))).toBe('NoSuchEntity');
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
    expect(await errorCode(iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' })))).toBe('NoSuchEntity');
    const v2Doc = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
    expect(v2Doc.PolicyVersion?.IsDefaultVersion).toBe(true);
    expect(decodeURIComponent(v2Doc.PolicyVersion!.Document!)).toBe(allow('s3:PutObject'));

    expect(await rejection(iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).toMatchObject({
      code: 'DeleteConflict',
      message: "This policy has more than one version. Before you delete a policy, you must delete the policy's non-default versions.",
    });
    for (const versionId of ['v1', 'v3', 'v4', 'v5'])
      await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }));
    const after = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:*') }));
    expect(after.PolicyVersion?.VersionId).toBe('v6');
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    expect(await errorCode(iam.send(new GetPolicyCommand({ PolicyArn: arn })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).toBe('NoSuchEntity');
  });

  it('tags, untags and lists tags of a policy, paginated', async () => {
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Tagged', PolicyDocument: allow('ec2:*') }))).Policy!.Arn!;
    await iam.send(
      new TagPolicyCommand({
        PolicyArn: arn,
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
          { Key: 'c', Value: '3' },
        ],
      }),
    );
    await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'A', Value: 'one' }] }));
    const first = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 2 }));
    expect(first.Tags).toEqual([
      { Key: 'A', Value: 'one' },
      { Key: 'b', Value: '2' },
    ]);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 2, Marker: first.Marker }));
    expect(second.Tags).toEqual([{ Key: 'c', Value: '3' }]);
    expect(second.IsTruncated).toBe(false);
    await iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ['B', 'nope'] }));
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags?.map((t) => t.Key)).toEqual(['A', 'c']);
    expect(
      await errorCode(
        iam.send(
          new TagPolicyCommand({
            PolicyArn: arn,
            Tags: [
              { Key: 'x', Value: '1' },
              { Key: 'X', Value: '2' },
            ],
          }),
        ),
      ),
    ).toBe('InvalidInput');
    expect(await errorCode(iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, Marker: 'forged' })))).toBe('ValidationError');
  });
});

describe('attachments', () => {
  let customerArn: string;

  beforeAll(async () => {
    await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/staff/' }));
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'readers', Path: '/staff/' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: TRUST_EC2 }));
    customerArn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Shared', Path: '/shared/', PolicyDocument: allow('sqs:*') })))
      .Policy!.Arn!;
  });

  it('attaches customer and AWS managed policies to users, groups and roles, and lists them', async () => {
    await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: customerArn }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'ALICE', PolicyArn: AWS + 'ReadOnlyAccess' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: customerArn })); // idempotent
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: customerArn }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: customerArn }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: AWS + 'IAMReadOnlyAccess' }));

    const user = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice' }));
    expect(user.AttachedPolicies).toEqual([
      { PolicyName: 'ReadOnlyAccess', PolicyArn: AWS + 'ReadOnlyAccess' },
      { PolicyName: 'Shared', PolicyArn: customerArn },
    ]);
    const filtered = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice', PathPrefix: '/shared/' }));
    expect(filtered.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['Shared']);
    const paged = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice', MaxItems: 1 }));
    expect(paged.IsTruncated).toBe(true);
    const next = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice', MaxItems: 1, Marker: paged.Marker }));
    expect(next.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['Shared']);
    expect(next.IsTruncated).toBe(false);
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'readers' }))).AttachedPolicies).toEqual([
      { PolicyName: 'Shared', PolicyArn: customerArn },
    ]);
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'app' }))).AttachedPolicies?.map((p) => p.PolicyName)).toEqual([
      'IAMReadOnlyAccess',
      'Shared',
    ]);

    expect((await iam.send(new GetPolicyCommand({ PolicyArn: customerArn }))).Policy?.AttachmentCount).toBe(3);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: AWS + 'IAMReadOnlyAccess' }))).Policy?.AttachmentCount).toBe(1);
  });

  it('lists the entities of a policy by kind, path prefix and usage, paginated', async () => {
    const all = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: customerArn }));
    expect(all.PolicyUsers).toEqual([{ UserName: 'alice', UserId: expect.stringMatching(/^AIDA/) }]);
    expect(all.PolicyGroups).toEqual([{ GroupName: 'readers', GroupId: expect.stringMatching(/^AGPA/) }]);
    expect(all.PolicyRoles).toEqual([{ RoleName: 'app', RoleId: expect.stringMatching(/^AROA/) }]);
    const roles = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: customerArn, EntityFilter: 'Role' }));
    expect(roles.PolicyRoles?.map((r) => r.RoleName)).toEqual(['app']);
    expect(roles.PolicyUsers).toEqual([]);
    const staff = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: customerArn, PathPrefix: '/staff/' }));
    expect([...staff.PolicyUsers!.map((u) => u.UserName), ...staff.PolicyGroups!.map((g) => g.GroupName)]).toEqual(['alice', 'readers']);
    expect(staff.PolicyRoles).toEqual([]);
    const boundaries = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: customerArn, PolicyUsageFilter: 'PermissionsBoundary' }),
    );
    expect([...boundaries.PolicyUsers!, ...boundaries.PolicyGroups!, ...boundaries.PolicyRoles!]).toEqual([]);
    const first = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: customerArn, MaxItems: 2 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.PolicyGroups?.length).toBe(1);
    expect(first.PolicyUsers?.length).toBe(1);
    const second = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: customerArn, MaxItems: 2, Marker: first.Marker }));
    expect(second.PolicyRoles?.map((r) => r.RoleName)).toEqual(['app']);
    expect(second.IsTruncated).toBe(false);
  });

  it('lists only attached policies, by scope and path prefix', async () => {
    const attached = await listAll({ OnlyAttached: true });
    const names = attached.policies.map((p) => p.PolicyName);
    expect(names).toEqual(expect.arrayContaining(['Shared', 'ReadOnlyAccess', 'IAMReadOnlyAccess', 'AdministratorAccess']));
    expect(names).not.toContain('Tagged');
    expect(attached.policies.find((p) => p.PolicyName === 'Shared')?.AttachmentCount).toBe(3);
    const local = await listAll({ Scope: 'Local', OnlyAttached: true });
    expect(local.policies.map((p) => p.PolicyName)).toEqual(['Shared']);
    const localAll = await listAll({ Scope: 'Local' });
    expect(localAll.policies.every((p) => p.Arn!.startsWith(`arn:aws:iam::${account}:policy/`))).toBe(true);
    expect(localAll.policies.map((p) => p.PolicyName)).toEqual(expect.arrayContaining(['Shared', 'Tagged', 'Reports-Read']));
    const byPath = await listAll({ Scope: 'Local', PathPrefix: '/team/' });
    expect(byPath.policies.map((p) => p.PolicyName)).toEqual(['Reports-Read']);
    const pagedLocal = await listAll({ Scope: 'Local', MaxItems: 1 });
    expect(pagedLocal.policies.map((p) => p.Arn)).toEqual(localAll.policies.map((p) => p.Arn));
    expect(pagedLocal.pages).toBe(localAll.policies.length);
    // A customer policy may share an AWS managed policy's name: both are listed, the AWS one first.
    await iam.send(new CreatePolicyCommand({ PolicyName: 'ReadOnlyAccess', Path: '/mine/', PolicyDocument: allow('s3:Get*') }));
    const everything = await listAll({ MaxItems: 1000 });
    const localCount = (await listAll({ Scope: 'Local' })).policies.length;
    expect(everything.policies.length).toBe(localCount + (await listAll({ Scope: 'AWS', MaxItems: 1000 })).policies.length);
    const readOnly = everything.policies.filter((p) => p.PolicyName === 'ReadOnlyAccess').map((p) => p.Arn);
    expect(readOnly).toEqual([AWS + 'ReadOnlyAccess', arnOf('/mine/', 'ReadOnlyAccess')]);
    const keys = everything.policies.map((p) => p.PolicyName!.toLowerCase());
    expect([...keys].sort()).toEqual(keys);
  });

  it('refuses to delete an attached policy, then detaches and deletes', async () => {
    expect(await rejection(iam.send(new DeletePolicyCommand({ PolicyArn: customerArn })))).toMatchObject({
      code: 'DeleteConflict',
      message: 'Cannot delete a policy attached to entities.',
    });
    await iam.send(new DetachUserPolicyCommand({ UserName: 'alice', PolicyArn: customerArn }));
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: customerArn }));
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'app', PolicyArn: customerArn }));
    expect(await errorCode(iam.send(new DetachRolePolicyCommand({ RoleName: 'app', PolicyArn: customerArn })))).toBe('NoSuchEntity');
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: customerArn }))).Policy?.AttachmentCount).toBe(0);
    await iam.send(new DeletePolicyCommand({ PolicyArn: customerArn }));
  });

  it('answers unknown principals and policies, bad ARNs and the per-principal quota as AWS does', async () => {
    expect(await errorCode(iam.send(new AttachUserPolicyCommand({ UserName: 'nobody', PolicyArn: AWS + 'ReadOnlyAccess' })))).toBe(
      'NoSuchEntity',
    );
    expect(await errorCode(iam.send(new AttachGroupPolicyCommand({ GroupName: 'nogroup', PolicyArn: AWS + 'ReadOnlyAccess' })))).toBe(
      'NoSuchEntity',
    );
    expect(await errorCode(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'norole' })))).toBe('NoSuchEntity');
    const missing = arnOf('/', 'Missing');
    expect(await rejection(iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: missing })))).toMatchObject({
      code: 'NoSuchEntity',
      message: `Policy ${missing} does not exist or is not attachable.`,
    });
    expect(await errorCode(iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: 'arn:aws:s3:::bucket-name' })))).toBe(
      'InvalidInput',
    );

    for (let i = 0; i < 10; i++) {
      const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: `Quota${i}`, PolicyDocument: allow('sns:Publish') }))).Policy!.Arn!;
      await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: arn }));
    }
    expect(await rejection(iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: AWS + 'ReadOnlyAccess' })))).toMatchObject({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PoliciesPerUser: 10',
    });
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'bob' }))).AttachedPolicies).toHaveLength(10);
  });
});

describe('service-linked roles', () => {
  it('refuses policy changes on a protected role but lists what it has', async () => {
    const { Role: role } = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com' }));
    const roleName = role!.RoleName!;
    expect(await rejection(iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: AWS + 'ReadOnlyAccess' })))).toEqual({
      code: 'UnmodifiableEntity',
      message: `Cannot perform the operation on the protected role '${roleName}' - this role is only modifiable by AWS`,
    });
    expect(
      await errorCode(iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'x', PolicyDocument: allow('s3:*') }))),
    ).toBe('UnmodifiableEntity');
    expect(
      await errorCode(iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: roleName, PermissionsBoundary: AWS + 'ReadOnlyAccess' }))),
    ).toBe('UnmodifiableEntity');
    const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }))).AttachedPolicies ?? [];
    expect(attached.map((p) => p.PolicyArn)).not.toContain(AWS + 'ReadOnlyAccess');
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))).PolicyNames).not.toContain('x');
  });
});

describe('inline policies', () => {
  beforeAll(async () => {
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'writers' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: TRUST_EC2 }));
  });

  it('puts, gets (URL-decoded round trip), lists and deletes user, group and role inline policies', async () => {
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'dynamodb:GetItem',
          Resource: 'arn:aws:dynamodb:*:*:table/a+b',
          Condition: { StringEquals: { 'aws:RequestTag/x': 'a&b=c' } },
        },
      ],
    });
    await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'Inline-One', PolicyDocument: document }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'another', PolicyDocument: allow('s3:*') }));
    const got = await iam.send(new GetUserPolicyCommand({ UserName: 'CAROL', PolicyName: 'inline-one' }));
    expect(got.UserName).toBe('carol');
    expect(got.PolicyName).toBe('Inline-One');
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(document);
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'carol' }))).PolicyNames).toEqual(['another', 'Inline-One']);
    const page = await iam.send(new ListUserPoliciesCommand({ UserName: 'carol', MaxItems: 1 }));
    expect(page).toMatchObject({ PolicyNames: ['another'], IsTruncated: true });
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'carol', MaxItems: 1, Marker: page.Marker }))).PolicyNames).toEqual([
      'Inline-One',
    ]);

    // Put replaces an existing policy of the same name (ignoring case).
    await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'ANOTHER', PolicyDocument: allow('sqs:*') }));
    expect(
      decodeURIComponent((await iam.send(new GetUserPolicyCommand({ UserName: 'carol', PolicyName: 'another' }))).PolicyDocument!),
    ).toBe(allow('sqs:*'));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'carol' }))).PolicyNames).toHaveLength(2);

    await iam.send(new PutGroupPolicyCommand({ GroupName: 'writers', PolicyName: 'g', PolicyDocument: allow('s3:PutObject') }));
    expect((await iam.send(new GetGroupPolicyCommand({ GroupName: 'writers', PolicyName: 'g' }))).GroupName).toBe('writers');
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'writers' }))).PolicyNames).toEqual(['g']);
    await iam.send(new PutRolePolicyCommand({ RoleName: 'worker', PolicyName: 'r', PolicyDocument: allow('logs:*') }));
    const role = await iam.send(new GetRolePolicyCommand({ RoleName: 'worker', PolicyName: 'r' }));
    expect(role.RoleName).toBe('worker');
    expect(decodeURIComponent(role.PolicyDocument!)).toBe(allow('logs:*'));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'worker' }))).PolicyNames).toEqual(['r']);

    await iam.send(new DeleteUserPolicyCommand({ UserName: 'carol', PolicyName: 'inline-one' }));
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'writers', PolicyName: 'g' }));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'worker', PolicyName: 'r' }));
    // The replacement kept the spelling of its last Put.
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'carol' }))).PolicyNames).toEqual(['ANOTHER']);
    expect(await rejection(iam.send(new GetUserPolicyCommand({ UserName: 'carol', PolicyName: 'inline-one' })))).toMatchObject({
      code: 'NoSuchEntity',
      message: 'The user policy with name inline-one cannot be found.',
    });
    expect(await errorCode(iam.send(new DeleteRolePolicyCommand({ RoleName: 'worker', PolicyName: 'r' })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new GetGroupPolicyCommand({ GroupName: 'nogroup', PolicyName: 'g' })))).toBe('NoSuchEntity');
  });

  it('rejects malformed documents and enforces the aggregate size per identity', async () => {
    expect(
      await errorCode(iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'bad', PolicyDocument: '{"Statement":[]' }))),
    ).toBe('MalformedPolicyDocument');
    await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'big1', PolicyDocument: documentOfSize(1200) }));
    expect(
      await rejection(iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'big2', PolicyDocument: documentOfSize(1000) }))),
    ).toMatchObject({ code: 'LimitExceeded', message: 'Maximum policy size of 2048 bytes exceeded for user carol' });
    // Replacing big1 with a smaller document frees its share of the quota.
    await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'BIG1', PolicyDocument: allow('s3:*') }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'big2', PolicyDocument: documentOfSize(1000) }));
    // Roles have a larger quota: 10,240.
    await iam.send(new PutRolePolicyCommand({ RoleName: 'worker', PolicyName: 'large', PolicyDocument: documentOfSize(6000) }));
    expect(
      await rejection(
        iam.send(new PutRolePolicyCommand({ RoleName: 'worker', PolicyName: 'larger', PolicyDocument: documentOfSize(4500) })),
      ),
    ).toMatchObject({ code: 'LimitExceeded', message: 'Maximum policy size of 10240 bytes exceeded for role worker' });
    expect(
      await rejection(
        iam.send(new PutGroupPolicyCommand({ GroupName: 'writers', PolicyName: 'huge', PolicyDocument: documentOfSize(5200) })),
      ),
    ).toMatchObject({ code: 'LimitExceeded', message: 'Maximum policy size of 5120 bytes exceeded for group writers' });
  });
});

describe('permissions boundaries', () => {
  let boundaryArn: string;

  beforeAll(async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dave', Path: '/bounded/' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'bounded-role', AssumeRolePolicyDocument: TRUST_EC2 }));
    boundaryArn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Boundary', PolicyDocument: allow('s3:*') }))).Policy!.Arn!;
  });

  it('sets a user boundary, shown in GetUser, counted by GetPolicy and listed by usage', async () => {
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'dave', PermissionsBoundary: boundaryArn }));
    const { User } = await iam.send(new GetUserCommand({ UserName: 'dave' }));
    expect(User?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundaryArn });
    const { Policy: policy } = await iam.send(new GetPolicyCommand({ PolicyArn: boundaryArn }));
    expect(policy?.PermissionsBoundaryUsageCount).toBe(1);
    expect(policy?.AttachmentCount).toBe(0);

    const usedAsBoundary = await listAll({ Scope: 'Local', OnlyAttached: true, PolicyUsageFilter: 'PermissionsBoundary' });
    expect(usedAsBoundary.policies.map((p) => p.PolicyName)).toEqual(['Boundary']);
    const usedAsPermissions = await listAll({ Scope: 'Local', OnlyAttached: true, PolicyUsageFilter: 'PermissionsPolicy' });
    expect(usedAsPermissions.policies.map((p) => p.PolicyName)).not.toContain('Boundary');

    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: boundaryArn, PolicyUsageFilter: 'PermissionsBoundary' }));
    expect(entities.PolicyUsers?.map((u) => u.UserName)).toEqual(['dave']);
    const asPolicy = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: boundaryArn, PolicyUsageFilter: 'PermissionsPolicy' }));
    expect(asPolicy.PolicyUsers).toEqual([]);

    expect(await errorCode(iam.send(new DeletePolicyCommand({ PolicyArn: boundaryArn })))).toBe('DeleteConflict');
    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'dave' }));
    expect((await iam.send(new GetUserCommand({ UserName: 'dave' }))).User?.PermissionsBoundary).toBeUndefined();
    // Removing a boundary that is not there succeeds, as on AWS; an unknown user does not.
    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'dave' }));
    expect(await errorCode(iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'nobody' })))).toBe('NoSuchEntity');
  });

  it('sets and removes a role boundary (AWS managed too), shown in GetRole', async () => {
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'bounded-role', PermissionsBoundary: AWS + 'PowerUserAccess' }));
    expect((await iam.send(new GetRoleCommand({ RoleName: 'bounded-role' }))).Role?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: AWS + 'PowerUserAccess',
    });
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: AWS + 'PowerUserAccess' }))).Policy?.PermissionsBoundaryUsageCount).toBe(1);
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: AWS + 'PowerUserAccess', EntityFilter: 'Role' }));
    expect(entities.PolicyRoles?.map((r) => r.RoleName)).toEqual(['bounded-role']);
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'bounded-role' }));
    expect((await iam.send(new GetRoleCommand({ RoleName: 'bounded-role' }))).Role?.PermissionsBoundary).toBeUndefined();
  });

  it('refuses unknown policies and principals', async () => {
    expect(
      await errorCode(
        iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'dave', PermissionsBoundary: arnOf('/', 'NoSuchBoundary') })),
      ),
    ).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'nobody', PermissionsBoundary: boundaryArn })))).toBe(
      'NoSuchEntity',
    );
    expect(await errorCode(iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'norole', PermissionsBoundary: boundaryArn })))).toBe(
      'NoSuchEntity',
    );
  });
});
