// A unique-name race that slips between the check and the insert (another process on the same database) is
// answered EntityAlreadyExists, not ServiceFailure: the store's real UNIQUE violation is mapped by the operations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityAlreadyExists } from '../../core/errors';
import { SqliteStore } from '../../store/sqlite/store';
import { testContext } from '../../core/test-context';
import type { Store } from '../../store/types';
import type { OperationContext } from '../../core/context';
import { createGroup } from '../groups/create-group';
import { updateGroup } from '../groups/update-group';
import { createUser } from './create-user';
import { updateUser } from './update-user';

let dataDir: string;
let store: SqliteStore;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h2a-race-'));
  store = new SqliteStore(dataDir);
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The real store, except that name lookups for `hiddenName` miss: what an operation sees when another writer
 * inserts that name after the operation's check.
 */
function racingContext(hiddenName: string): OperationContext {
  const hides = (name: string) => name.toLowerCase() === hiddenName.toLowerCase();
  const users = new Proxy(store.users, {
    get: (target, key) =>
      key === 'getByName'
        ? async (name: string) => (hides(name) ? undefined : await target.getByName(name))
        : Reflect.get(target, key).bind(target),
  });
  const groups = new Proxy(store.groups, {
    get: (target, key) =>
      key === 'getByName'
        ? async (name: string) => (hides(name) ? undefined : await target.getByName(name))
        : Reflect.get(target, key).bind(target),
  });
  const racing = new Proxy(store, {
    get: (target, key) => (key === 'users' ? users : key === 'groups' ? groups : Reflect.get(target, key)),
  }) as unknown as Store;
  return testContext(racing, { now: new Date('2026-01-01T00:00:00Z'), action: 'Test' });
}

const ctx = () => racingContext('taken');

describe('unique-name races', () => {
  it('CreateUser losing the race gets EntityAlreadyExists', async () => {
    await store.users.insert({ userId: 'AIDAAAAAAAAAAAAAAAAAA', userName: 'Taken', path: '/', createDate: '2026-01-01T00:00:00Z' });
    await expect(createUser(ctx(), { UserName: 'TAKEN' })).rejects.toThrow(new EntityAlreadyExists('User with name TAKEN already exists.'));
    expect(await store.users.count()).toBe(1);
  });

  it('UpdateUser renaming onto a name taken meanwhile gets EntityAlreadyExists', async () => {
    await store.users.insert({ userId: 'AIDAAAAAAAAAAAAAAAAAA', userName: 'taken', path: '/', createDate: '2026-01-01T00:00:00Z' });
    await store.users.insert({ userId: 'AIDABBBBBBBBBBBBBBBBB', userName: 'mover', path: '/', createDate: '2026-01-01T00:00:00Z' });
    await expect(updateUser(ctx(), { UserName: 'mover', NewUserName: 'Taken' })).rejects.toThrow(EntityAlreadyExists);
    expect((await store.users.getById('AIDABBBBBBBBBBBBBBBBB'))?.userName).toBe('mover');
  });

  it('CreateGroup and UpdateGroup losing the race get EntityAlreadyExists', async () => {
    await store.groups.insert({ groupId: 'AGPAAAAAAAAAAAAAAAAAA', groupName: 'taken', path: '/', createDate: '2026-01-01T00:00:00Z' });
    await store.groups.insert({ groupId: 'AGPABBBBBBBBBBBBBBBBB', groupName: 'mover', path: '/', createDate: '2026-01-01T00:00:00Z' });
    await expect(createGroup(ctx(), { GroupName: 'Taken' })).rejects.toThrow(
      new EntityAlreadyExists('Group with name Taken already exists.'),
    );
    await expect(updateGroup(ctx(), { GroupName: 'mover', NewGroupName: 'TAKEN' })).rejects.toThrow(EntityAlreadyExists);
    expect(await store.groups.count()).toBe(2);
  });
});
