// The SQLite groups repository: names unique ignoring case, path-prefix listing, keyset pages of groups and members.
import { describe, expect, it } from 'vitest';
import { isDuplicateKeyError } from '../errors';
import { withFreshSqliteStore } from './fresh-store.fixtures';
import type { SqliteStore } from './store';

let store: SqliteStore;
withFreshSqliteStore('gh-h2a-groups-', (fresh) => (store = fresh));

const DATE = '2026-01-01T00:00:00.000Z';

async function group(name: string, groupPath = '/') {
  const record = { groupId: `AGPA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`, groupName: name, path: groupPath, createDate: DATE };
  await store.groups.insert(record);
  return record;
}

async function user(name: string) {
  const record = { userId: `AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`, userName: name, path: '/', createDate: DATE };
  await store.users.insert(record);
  return record;
}

describe('SqliteGroupRepository', () => {
  it('finds a group by name ignoring case and keeps its spelling', async () => {
    const devs = await group('Developers');
    expect(await store.groups.getByName('developers')).toEqual(devs);
    expect((await store.groups.getById(devs.groupId))?.groupName).toBe('Developers');
    expect(await store.groups.getByName('nobody')).toBeUndefined();
  });

  it('rejects a second group whose name differs only in case with a duplicate-key error', async () => {
    await group('Admins');
    let caught: unknown;
    try {
      await group('ADMINS');
    } catch (error) {
      caught = error;
    }
    expect(isDuplicateKeyError(caught)).toBe(true);
    expect(await store.groups.count()).toBe(1);
  });

  it('lists groups by name ignoring case, in keyset pages, filtered by path prefix', async () => {
    for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo']) await group(name, name < 'd' ? '/team/a/' : '/team/b/');
    const first = await store.groups.list({ limit: 2 });
    expect(first.items.map((g) => g.groupName)).toEqual(['Alpha', 'Bravo']);
    const second = await store.groups.list({ after: first.next, limit: 2 });
    expect(second.items.map((g) => g.groupName)).toEqual(['charlie', 'delta']);
    const third = await store.groups.list({ after: second.next, limit: 2 });
    expect(third.items.map((g) => g.groupName)).toEqual(['echo']);
    expect(third.next).toBeUndefined();
    expect((await store.groups.list({ pathPrefix: '/team/b/', limit: 10 })).items.map((g) => g.groupName)).toEqual(['delta', 'echo']);
    expect((await store.groups.list({ pathPrefix: '/team/', limit: 10 })).items).toHaveLength(5);
    expect((await store.groups.list({ pathPrefix: '/other/', limit: 10 })).items).toHaveLength(0);
  });

  it('renames and moves a group, keeping its members', async () => {
    const devs = await group('devs');
    const alice = await user('alice');
    await store.groups.addMember(devs.groupId, alice.userId, DATE);
    await store.groups.update(devs.groupId, { groupName: 'Engineers', path: '/eng/' });
    expect(await store.groups.getByName('devs')).toBeUndefined();
    expect(await store.groups.getByName('engineers')).toMatchObject({ groupId: devs.groupId, groupName: 'Engineers', path: '/eng/' });
    expect(await store.groups.isMember(devs.groupId, alice.userId)).toBe(true);
  });

  it('adds members once, lists them by user name in pages, and counts both ways', async () => {
    const devs = await group('devs');
    const ops = await group('ops');
    const users = await Promise.all(['carol', 'Alice', 'bob', 'dave'].map(user));
    for (const u of users) await store.groups.addMember(devs.groupId, u.userId, DATE);
    await store.groups.addMember(devs.groupId, users[0].userId, DATE);
    await store.groups.addMember(ops.groupId, users[0].userId, DATE);
    expect(await store.groups.countMembers(devs.groupId)).toBe(4);
    expect(await store.groups.countForUser(users[0].userId)).toBe(2);

    const first = await store.groups.listMembers(devs.groupId, { limit: 3 });
    const names = (ids: string[]) => Promise.all(ids.map(async (id) => (await store.users.getById(id))!.userName));
    expect(await names(first.userIds)).toEqual(['Alice', 'bob', 'carol']);
    const second = await store.groups.listMembers(devs.groupId, { after: first.next, limit: 3 });
    expect(await names(second.userIds)).toEqual(['dave']);
    expect(second.next).toBeUndefined();

    expect((await store.groups.listForUser(users[0].userId)).map((g) => g.groupName)).toEqual(['devs', 'ops']);
    await store.groups.removeMember(devs.groupId, users[0].userId);
    expect(await store.groups.isMember(devs.groupId, users[0].userId)).toBe(false);
    expect((await store.groups.listForUser(users[0].userId)).map((g) => g.groupName)).toEqual(['ops']);
  });

  it('drops memberships with the group or the user', async () => {
    const devs = await group('devs');
    const ops = await group('ops');
    const alice = await user('alice');
    await store.groups.addMember(devs.groupId, alice.userId, DATE);
    await store.groups.addMember(ops.groupId, alice.userId, DATE);
    await store.groups.delete(devs.groupId);
    expect(await store.groups.getById(devs.groupId)).toBeUndefined();
    expect(await store.groups.countForUser(alice.userId)).toBe(1);
    await store.users.delete(alice.userId);
    expect(await store.groups.countMembers(ops.groupId)).toBe(0);
  });
});
