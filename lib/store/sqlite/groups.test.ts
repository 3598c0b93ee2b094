// The SQLite groups repository: names unique ignoring case, path-prefix listing, keyset pages of groups and members.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDuplicateKeyError } from '../errors';
import { SqliteStore } from './store';

let dataDir: string;
let store: SqliteStore;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h2a-groups-'));
  store = new SqliteStore(dataDir);
});

afterEach(() => {
  store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const DATE = '2026-01-01T00:00:00.000Z';

function group(name: string, groupPath = '/') {
  const record = { groupId: `AGPA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`, groupName: name, path: groupPath, createDate: DATE };
  store.groups.insert(record);
  return record;
}

function user(name: string) {
  const record = { userId: `AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`, userName: name, path: '/', createDate: DATE };
  store.users.insert(record);
  return record;
}

describe('SqliteGroupRepository', () => {
  it('finds a group by name ignoring case and keeps its spelling', () => {
    const devs = group('Developers');
    expect(store.groups.getByName('developers')).toEqual(devs);
    expect(store.groups.getById(devs.groupId)?.groupName).toBe('Developers');
    expect(store.groups.getByName('nobody')).toBeUndefined();
  });

  it('rejects a second group whose name differs only in case with a duplicate-key error', () => {
    group('Admins');
    let caught: unknown;
    try {
      group('ADMINS');
    } catch (error) {
      caught = error;
    }
    expect(isDuplicateKeyError(caught)).toBe(true);
    expect(store.groups.count()).toBe(1);
  });

  it('lists groups by name ignoring case, in keyset pages, filtered by path prefix', () => {
    for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo']) group(name, name < 'd' ? '/team/a/' : '/team/b/');
    const first = store.groups.list({ limit: 2 });
    expect(first.items.map((g) => g.groupName)).toEqual(['Alpha', 'Bravo']);
    const second = store.groups.list({ after: first.next, limit: 2 });
    expect(second.items.map((g) => g.groupName)).toEqual(['charlie', 'delta']);
    const third = store.groups.list({ after: second.next, limit: 2 });
    expect(third.items.map((g) => g.groupName)).toEqual(['echo']);
    expect(third.next).toBeUndefined();
    expect(store.groups.list({ pathPrefix: '/team/b/', limit: 10 }).items.map((g) => g.groupName)).toEqual(['delta', 'echo']);
    expect(store.groups.list({ pathPrefix: '/team/', limit: 10 }).items).toHaveLength(5);
    expect(store.groups.list({ pathPrefix: '/other/', limit: 10 }).items).toHaveLength(0);
  });

  it('renames and moves a group, keeping its members', () => {
    const devs = group('devs');
    const alice = user('alice');
    store.groups.addMember(devs.groupId, alice.userId, DATE);
    store.groups.update(devs.groupId, { groupName: 'Engineers', path: '/eng/' });
    expect(store.groups.getByName('devs')).toBeUndefined();
    expect(store.groups.getByName('engineers')).toMatchObject({ groupId: devs.groupId, groupName: 'Engineers', path: '/eng/' });
    expect(store.groups.isMember(devs.groupId, alice.userId)).toBe(true);
  });

  it('adds members once, lists them by user name in pages, and counts both ways', () => {
    const devs = group('devs');
    const ops = group('ops');
    const users = ['carol', 'Alice', 'bob', 'dave'].map(user);
    for (const u of users) store.groups.addMember(devs.groupId, u.userId, DATE);
    store.groups.addMember(devs.groupId, users[0].userId, DATE);
    store.groups.addMember(ops.groupId, users[0].userId, DATE);
    expect(store.groups.countMembers(devs.groupId)).toBe(4);
    expect(store.groups.countForUser(users[0].userId)).toBe(2);

    const first = store.groups.listMembers(devs.groupId, { limit: 3 });
    const names = (ids: string[]) => ids.map((id) => store.users.getById(id)!.userName);
    expect(names(first.userIds)).toEqual(['Alice', 'bob', 'carol']);
    const second = store.groups.listMembers(devs.groupId, { after: first.next, limit: 3 });
    expect(names(second.userIds)).toEqual(['dave']);
    expect(second.next).toBeUndefined();

    expect(store.groups.listForUser(users[0].userId).map((g) => g.groupName)).toEqual(['devs', 'ops']);
    store.groups.removeMember(devs.groupId, users[0].userId);
    expect(store.groups.isMember(devs.groupId, users[0].userId)).toBe(false);
    expect(store.groups.listForUser(users[0].userId).map((g) => g.groupName)).toEqual(['ops']);
  });

  it('drops memberships with the group or the user', () => {
    const devs = group('devs');
    const ops = group('ops');
    const alice = user('alice');
    store.groups.addMember(devs.groupId, alice.userId, DATE);
    store.groups.addMember(ops.groupId, alice.userId, DATE);
    store.groups.delete(devs.groupId);
    expect(store.groups.getById(devs.groupId)).toBeUndefined();
    expect(store.groups.countForUser(alice.userId)).toBe(1);
    store.users.delete(alice.userId);
    expect(store.groups.countMembers(ops.groupId)).toBe(0);
  });
});
