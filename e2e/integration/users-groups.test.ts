// Users and groups through @aws-sdk/client-iam against a running server: returned values, pagination, AWS errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachGroupPolicyCommand,
  DetachUserPolicyCommand,
  EnableMFADeviceCommand,
  GetGroupCommand,
  GetUserCommand,
  IAMServiceException,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListUserTagsCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateGroupCommand,
  UpdateUserCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { totpCode, totpStep } from '../../lib/iam/totp';
import { errorCode, startServer, type TestServer } from './harness';

const DOCUMENT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] });
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

let server: TestServer;
let iam: IAMClient;

beforeAll(async () => {
  server = await startServer();
  iam = server.iam;
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await server.reset();
});

/** The error of a rejected call (fails the test when the call succeeds). */
async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as IAMServiceException & { Code?: string };
    return { code: e.Code ?? e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

async function createUsers(names: string[], path = '/'): Promise<void> {
  for (const name of names) await iam.send(new CreateUserCommand({ UserName: name, Path: path }));
}

describe('groups', () => {
  it('creates a group with AWS identifiers and its path in the ARN', async () => {
    const { Group } = await iam.send(new CreateGroupCommand({ GroupName: 'Dev-Team', Path: '/eng/backend/' }));
    expect(Group?.GroupName).toBe('Dev-Team');
    expect(Group?.Path).toBe('/eng/backend/');
    expect(Group?.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    expect(Group?.Arn).toBe(`arn:aws:iam::${server.accountId}:group/eng/backend/Dev-Team`);
    expect(Group?.CreateDate).toBeInstanceOf(Date);

    const fetched = await iam.send(new GetGroupCommand({ GroupName: 'dev-team' }));
    expect(fetched.Group).toEqual(Group);
    expect(fetched.Users).toEqual([]);
    expect(fetched.IsTruncated).toBe(false);
  });

  it('rejects a name taken ignoring case, a bad name and a bad path', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'Ops' }));
    const duplicate = await failure(iam.send(new CreateGroupCommand({ GroupName: 'OPS' })));
    expect(duplicate).toMatchObject({ code: 'EntityAlreadyExists', status: 409, message: 'Group with name OPS already exists.' });
    expect(await errorCode(iam.send(new CreateGroupCommand({ GroupName: 'bad name!' })))).toBe('ValidationError');
    expect(await errorCode(iam.send(new CreateGroupCommand({ GroupName: 'g'.repeat(129) })))).toBe('ValidationError');
    expect(await errorCode(iam.send(new CreateGroupCommand({ GroupName: 'nopath', Path: 'no-slashes' })))).toBe('ValidationError');
    await iam.send(new CreateGroupCommand({ GroupName: 'g'.repeat(128) }));
  });

  it('answers NoSuchEntity for a missing group on every group operation', async () => {
    await createUsers(['alice']);
    const missing = await failure(iam.send(new GetGroupCommand({ GroupName: 'ghosts' })));
    expect(missing).toMatchObject({ code: 'NoSuchEntity', status: 404, message: 'The group with name ghosts cannot be found.' });
    expect(await errorCode(iam.send(new UpdateGroupCommand({ GroupName: 'ghosts', NewPath: '/x/' })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new DeleteGroupCommand({ GroupName: 'ghosts' })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new AddUserToGroupCommand({ GroupName: 'ghosts', UserName: 'alice' })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new RemoveUserFromGroupCommand({ GroupName: 'ghosts', UserName: 'alice' })))).toBe('NoSuchEntity');
  });

  it('lists groups by name in pages and filters by path prefix', async () => {
    // The reset state already holds the admin's group, Administrators (path /).
    for (const [name, path] of [
      ['b-group', '/team/a/'],
      ['A-group', '/team/a/'],
      ['c-group', '/team/b/'],
      ['d-group', '/other/'],
    ]) {
      await iam.send(new CreateGroupCommand({ GroupName: name, Path: path }));
    }
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam.send(new ListGroupsCommand({ MaxItems: 2, Marker: marker }));
      expect(page.Groups!.length).toBeLessThanOrEqual(2);
      names.push(...page.Groups!.map((g) => g.GroupName!));
      marker = page.IsTruncated ? page.Marker : undefined;
      pages++;
    } while (marker);
    expect(names).toEqual(['A-group', 'Administrators', 'b-group', 'c-group', 'd-group']);
    expect(pages).toBe(3);

    const team = await iam.send(new ListGroupsCommand({ PathPrefix: '/team/' }));
    expect(team.Groups!.map((g) => g.GroupName)).toEqual(['A-group', 'b-group', 'c-group']);
    expect(team.Groups![0].Arn).toBe(`arn:aws:iam::${server.accountId}:group/team/a/A-group`);
    const teamA = await iam.send(new ListGroupsCommand({ PathPrefix: '/team/a/' }));
    expect(teamA.Groups!.map((g) => g.GroupName)).toEqual(['A-group', 'b-group']);
    expect(await errorCode(iam.send(new ListGroupsCommand({ Marker: 'forged' })))).toBe('ValidationError');
  });

  it('adds members, lists them in GetGroup pages by user name, and removes them', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'devs' }));
    await createUsers(['carol', 'Alice', 'bob', 'dave', 'erin'], '/people/');
    for (const name of ['carol', 'Alice', 'bob', 'dave', 'erin']) {
      await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: name }));
    }
    // Adding an existing member again is accepted and changes nothing.
    await iam.send(new AddUserToGroupCommand({ GroupName: 'DEVS', UserName: 'CAROL' }));

    const members: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new GetGroupCommand({ GroupName: 'devs', MaxItems: 2, Marker: marker }));
      expect(page.Group?.GroupName).toBe('devs');
      members.push(...page.Users!.map((u) => u.UserName!));
      if (page.Users!.length > 0) expect(page.Users![0].Arn).toMatch(new RegExp(`^arn:aws:iam::${server.accountId}:user/people/`));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    expect(members).toEqual(['Alice', 'bob', 'carol', 'dave', 'erin']);

    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'devs', UserName: 'bob' }));
    const after = await iam.send(new GetGroupCommand({ GroupName: 'devs' }));
    expect(after.Users!.map((u) => u.UserName)).toEqual(['Alice', 'carol', 'dave', 'erin']);
    expect(await errorCode(iam.send(new RemoveUserFromGroupCommand({ GroupName: 'devs', UserName: 'bob' })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'nobody' })))).toBe('NoSuchEntity');
  });

  it('lists the groups of a user in pages', async () => {
    await createUsers(['alice', 'bob']);
    for (const name of ['zeta', 'Alpha', 'mid']) {
      await iam.send(new CreateGroupCommand({ GroupName: name, Path: '/g/' }));
      await iam.send(new AddUserToGroupCommand({ GroupName: name, UserName: 'alice' }));
    }
    const first = await iam.send(new ListGroupsForUserCommand({ UserName: 'alice', MaxItems: 2 }));
    expect(first.Groups!.map((g) => g.GroupName)).toEqual(['Alpha', 'mid']);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListGroupsForUserCommand({ UserName: 'alice', MaxItems: 2, Marker: first.Marker }));
    expect(second.Groups!.map((g) => g.GroupName)).toEqual(['zeta']);
    expect(second.IsTruncated).toBe(false);
    expect(second.Groups![0].Arn).toBe(`arn:aws:iam::${server.accountId}:group/g/zeta`);
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'bob' }))).Groups).toEqual([]);
    expect(await errorCode(iam.send(new ListGroupsForUserCommand({ UserName: 'nobody' })))).toBe('NoSuchEntity');
  });

  it('limits a user to 10 groups', async () => {
    await createUsers(['joiner']);
    for (let i = 0; i < 11; i++) await iam.send(new CreateGroupCommand({ GroupName: `club-${i}` }));
    for (let i = 0; i < 10; i++) await iam.send(new AddUserToGroupCommand({ GroupName: `club-${i}`, UserName: 'joiner' }));
    const limit = await failure(iam.send(new AddUserToGroupCommand({ GroupName: 'club-10', UserName: 'joiner' })));
    expect(limit).toMatchObject({ code: 'LimitExceeded', status: 409, message: 'Cannot exceed quota for GroupsPerUser: 10' });
    // Re-adding to a group the user is already in is not a new membership.
    await iam.send(new AddUserToGroupCommand({ GroupName: 'club-3', UserName: 'joiner' }));
  });

  it('limits the account to 300 groups', async () => {
    const existing = (await iam.send(new ListGroupsCommand({ MaxItems: 1000 }))).Groups!.length;
    for (let i = existing; i < 300; i++) await iam.send(new CreateGroupCommand({ GroupName: `quota-${i}` }));
    const limit = await failure(iam.send(new CreateGroupCommand({ GroupName: 'one-too-many' })));
    expect(limit).toMatchObject({ code: 'LimitExceeded', message: 'Cannot exceed quota for GroupsPerAccount: 300' });
  });

  it('renames and moves a group, keeping its members; a taken name is EntityAlreadyExists', async () => {
    await createUsers(['alice']);
    await iam.send(new CreateGroupCommand({ GroupName: 'old-name' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'Taken' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'old-name', UserName: 'alice' }));
    const before = await iam.send(new GetGroupCommand({ GroupName: 'old-name' }));

    const taken = await failure(iam.send(new UpdateGroupCommand({ GroupName: 'old-name', NewGroupName: 'TAKEN' })));
    expect(taken).toMatchObject({ code: 'EntityAlreadyExists', message: 'Group with name TAKEN already exists.' });

    await iam.send(new UpdateGroupCommand({ GroupName: 'old-name', NewGroupName: 'New-Name', NewPath: '/moved/' }));
    expect(await errorCode(iam.send(new GetGroupCommand({ GroupName: 'old-name' })))).toBe('NoSuchEntity');
    const after = await iam.send(new GetGroupCommand({ GroupName: 'new-name' }));
    expect(after.Group).toMatchObject({
      GroupName: 'New-Name',
      Path: '/moved/',
      GroupId: before.Group!.GroupId,
      Arn: `arn:aws:iam::${server.accountId}:group/moved/New-Name`,
    });
    expect(after.Users!.map((u) => u.UserName)).toEqual(['alice']);
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'alice' }))).Groups!.map((g) => g.GroupName)).toEqual(['New-Name']);

    // A change of case only is a rename of the same group.
    await iam.send(new UpdateGroupCommand({ GroupName: 'New-Name', NewGroupName: 'new-name' }));
    expect((await iam.send(new GetGroupCommand({ GroupName: 'NEW-NAME' }))).Group!.GroupName).toBe('new-name');
  });

  it('refuses to delete a group with members, then deletes it', async () => {
    await createUsers(['alice']);
    await iam.send(new CreateGroupCommand({ GroupName: 'doomed' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'doomed', UserName: 'alice' }));
    const conflict = await failure(iam.send(new DeleteGroupCommand({ GroupName: 'doomed' })));
    expect(conflict).toMatchObject({
      code: 'DeleteConflict',
      status: 409,
      message: 'Cannot delete entity, must remove users from group first.',
    });
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'doomed', UserName: 'alice' }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'doomed' }));
    expect(await errorCode(iam.send(new GetGroupCommand({ GroupName: 'doomed' })))).toBe('NoSuchEntity');
  });

  it('refuses to delete a group with inline or attached policies', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'with-policies' }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'with-policies', PolicyName: 'inline', PolicyDocument: DOCUMENT }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'with-policies', PolicyArn: READ_ONLY }));
    const inline = await failure(iam.send(new DeleteGroupCommand({ GroupName: 'with-policies' })));
    expect(inline).toMatchObject({ code: 'DeleteConflict', message: 'Cannot delete entity, must delete policies first.' });
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'with-policies', PolicyName: 'inline' }));
    const attached = await failure(iam.send(new DeleteGroupCommand({ GroupName: 'with-policies' })));
    expect(attached).toMatchObject({ code: 'DeleteConflict', message: 'Cannot delete entity, must detach all policies first.' });
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'with-policies', PolicyArn: READ_ONLY }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'with-policies' }));
  });
});

describe('user tags', () => {
  it('tags a user, overwrites a key ignoring case, lists in pages and untags', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'tagged', Tags: [{ Key: 'team', Value: 'core' }] }));
    await iam.send(
      new TagUserCommand({
        UserName: 'TAGGED',
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'Team', Value: 'platform' },
          { Key: 'cost-center', Value: '' },
        ],
      }),
    );
    const all = await iam.send(new ListUserTagsCommand({ UserName: 'tagged' }));
    expect(all.Tags).toEqual([
      { Key: 'Team', Value: 'platform' },
      { Key: 'env', Value: 'prod' },
      { Key: 'cost-center', Value: '' },
    ]);
    expect(all.IsTruncated).toBe(false);

    const first = await iam.send(new ListUserTagsCommand({ UserName: 'tagged', MaxItems: 2 }));
    expect(first.Tags!.map((t) => t.Key)).toEqual(['Team', 'env']);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListUserTagsCommand({ UserName: 'tagged', MaxItems: 2, Marker: first.Marker }));
    expect(second.Tags!.map((t) => t.Key)).toEqual(['cost-center']);
    expect(second.IsTruncated).toBe(false);

    await iam.send(new UntagUserCommand({ UserName: 'tagged', TagKeys: ['TEAM', 'not-there'] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'tagged' }))).Tags!.map((t) => t.Key)).toEqual(['env', 'cost-center']);
    expect((await iam.send(new GetUserCommand({ UserName: 'tagged' }))).User!.Tags).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'cost-center', Value: '' },
    ]);
  });

  it('rejects duplicate keys, more than 50 tags and unknown users', async () => {
    await createUsers(['tagged']);
    expect(
      await errorCode(
        iam.send(
          new TagUserCommand({
            UserName: 'tagged',
            Tags: [
              { Key: 'a', Value: '1' },
              { Key: 'A', Value: '2' },
            ],
          }),
        ),
      ),
    ).toBe('InvalidInput');
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));
    await iam.send(new TagUserCommand({ UserName: 'tagged', Tags: fifty }));
    // Overwriting an existing key does not count as a new tag.
    await iam.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'K7', Value: 'again' }] }));
    expect(await errorCode(iam.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'k50', Value: 'x' }] })))).toBe('LimitExceeded');
    expect(await errorCode(iam.send(new TagUserCommand({ UserName: 'nobody', Tags: [{ Key: 'a', Value: 'b' }] })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new UntagUserCommand({ UserName: 'nobody', TagKeys: ['a'] })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new ListUserTagsCommand({ UserName: 'nobody' })))).toBe('NoSuchEntity');
  });
});

describe('UpdateUser', () => {
  it('renames and moves a user; memberships, keys and tags follow', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'before', Tags: [{ Key: 'k', Value: 'v' }] }));
    await iam.send(new CreateGroupCommand({ GroupName: 'crew' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'crew', UserName: 'before' }));
    // Administrators (AdministratorAccess) keeps the user's own GetUser authorized once policies are enforced.
    await iam.send(new AddUserToGroupCommand({ GroupName: 'Administrators', UserName: 'before' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'before' }));
    const original = await iam.send(new GetUserCommand({ UserName: 'before' }));

    await iam.send(new UpdateUserCommand({ UserName: 'before', NewUserName: 'After', NewPath: '/renamed/' }));
    expect(await errorCode(iam.send(new GetUserCommand({ UserName: 'before' })))).toBe('NoSuchEntity');
    const renamed = await iam.send(new GetUserCommand({ UserName: 'after' }));
    expect(renamed.User).toMatchObject({
      UserName: 'After',
      Path: '/renamed/',
      UserId: original.User!.UserId,
      Arn: `arn:aws:iam::${server.accountId}:user/renamed/After`,
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    expect((await iam.send(new GetGroupCommand({ GroupName: 'crew' }))).Users!.map((u) => u.UserName)).toEqual(['After']);
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'After' }))).Groups!.map((g) => g.GroupName)).toEqual([
      'Administrators',
      'crew',
    ]);
    const { iam: asRenamed } = server.clientFor({
      accessKeyId: key.AccessKey!.AccessKeyId!,
      secretAccessKey: key.AccessKey!.SecretAccessKey!,
    });
    expect((await asRenamed.send(new GetUserCommand({}))).User!.UserName).toBe('After');
    asRenamed.destroy();
  });

  it('rejects a new name taken by another user ignoring case, and accepts a change of case', async () => {
    await createUsers(['first', 'Second']);
    const taken = await failure(iam.send(new UpdateUserCommand({ UserName: 'first', NewUserName: 'SECOND' })));
    expect(taken).toMatchObject({ code: 'EntityAlreadyExists', status: 409, message: 'User with name SECOND already exists.' });
    await iam.send(new UpdateUserCommand({ UserName: 'first', NewUserName: 'FIRST' }));
    expect((await iam.send(new GetUserCommand({ UserName: 'first' }))).User!.UserName).toBe('FIRST');
    expect(await errorCode(iam.send(new UpdateUserCommand({ UserName: 'nobody', NewPath: '/x/' })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new UpdateUserCommand({ UserName: 'FIRST', NewUserName: 'bad name' })))).toBe('ValidationError');
    expect(await errorCode(iam.send(new UpdateUserCommand({ UserName: 'FIRST', NewPath: 'bad' })))).toBe('ValidationError');
  });
});

describe('DeleteUser', () => {
  it('deletes a user and its tags', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'short-lived', Tags: [{ Key: 'a', Value: 'b' }] }));
    const userId = (await iam.send(new GetUserCommand({ UserName: 'short-lived' }))).User!.UserId!;
    await iam.send(new DeleteUserCommand({ UserName: 'SHORT-LIVED' }));
    expect(await errorCode(iam.send(new GetUserCommand({ UserName: 'short-lived' })))).toBe('NoSuchEntity');
    expect(await server.service.store.tags.list('user', userId)).toEqual([]);
    const missing = await failure(iam.send(new DeleteUserCommand({ UserName: 'short-lived' })));
    expect(missing).toMatchObject({ code: 'NoSuchEntity', status: 404, message: 'The user with name short-lived cannot be found.' });
    // The name is free again.
    await createUsers(['short-lived']);
  });

  it('refuses while the user has access keys or group memberships, with AWS messages', async () => {
    await createUsers(['busy']);
    await iam.send(new CreateGroupCommand({ GroupName: 'club' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'club', UserName: 'busy' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'busy' }));

    const keys = await failure(iam.send(new DeleteUserCommand({ UserName: 'busy' })));
    expect(keys).toMatchObject({ code: 'DeleteConflict', status: 409, message: 'Cannot delete entity, must delete access keys first.' });
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'busy', AccessKeyId: key.AccessKey!.AccessKeyId }));

    const groups = await failure(iam.send(new DeleteUserCommand({ UserName: 'busy' })));
    expect(groups).toMatchObject({ code: 'DeleteConflict', message: 'Cannot delete entity, must remove users from group first.' });
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'club', UserName: 'busy' }));

    await iam.send(new DeleteUserCommand({ UserName: 'busy' }));
    expect(await errorCode(iam.send(new GetUserCommand({ UserName: 'busy' })))).toBe('NoSuchEntity');
  });

  it('refuses while the user has a login profile or policies, one conflict at a time in AWS order', async () => {
    await createUsers(['owner']);
    await iam.send(new CreateLoginProfileCommand({ UserName: 'owner', Password: 'A-very-l0ng-Passw0rd!' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'owner', PolicyName: 'inline', PolicyDocument: DOCUMENT }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'owner', PolicyArn: READ_ONLY }));
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['Cannot delete entity, must delete login profile first.', () => iam.send(new DeleteLoginProfileCommand({ UserName: 'owner' }))],
      [
        'Cannot delete entity, must delete policies first.',
        () => iam.send(new DeleteUserPolicyCommand({ UserName: 'owner', PolicyName: 'inline' })),
      ],
      [
        'Cannot delete entity, must detach all policies first.',
        () => iam.send(new DetachUserPolicyCommand({ UserName: 'owner', PolicyArn: READ_ONLY })),
      ],
    ];
    for (const [message, resolve] of steps) {
      const conflict = await failure(iam.send(new DeleteUserCommand({ UserName: 'owner' })));
      expect(conflict).toMatchObject({ code: 'DeleteConflict', status: 409, message });
      await resolve();
    }
    await iam.send(new DeleteUserCommand({ UserName: 'owner' }));
  });

  it('refuses while the user has an MFA device enabled', async () => {
    await createUsers(['guarded']);
    const { VirtualMFADevice } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'guarded-phone' }));
    const seed = Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString('ascii');
    const step = totpStep(new Date());
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'guarded',
        SerialNumber: VirtualMFADevice!.SerialNumber,
        AuthenticationCode1: totpCode(seed, step - 1),
        AuthenticationCode2: totpCode(seed, step),
      }),
    );
    const conflict = await failure(iam.send(new DeleteUserCommand({ UserName: 'guarded' })));
    expect(conflict).toMatchObject({ code: 'DeleteConflict', status: 409, message: 'Cannot delete entity, must delete MFA device first.' });
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'guarded', SerialNumber: VirtualMFADevice!.SerialNumber }));
    await iam.send(new DeleteUserCommand({ UserName: 'guarded' }));
  });
});
