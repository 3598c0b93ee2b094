// The SQLite users repository's GetUser read (the user and its tags by name ignoring case) and the cache in front of
// it: what it keeps is forgotten by every write of users or of a user's tags, by a rolled-back unit or group commit,
// and by a wipe, so a read never sees a state that is gone.
import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../users';
import { withFreshSqliteStore } from './fresh-store.fixtures';
import type { SqliteStore } from './store';
import { USER_ROW_CACHE_ENTRIES } from './users';

let store: SqliteStore;
withFreshSqliteStore('gatehouse-users-', (fresh) => (store = fresh));

const user = (name: string, extra: Partial<UserRecord> = {}): UserRecord => ({
  userId: `AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`,
  userName: name,
  path: '/',
  createDate: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** Changes a row behind the repository's back (what no code of the service does): shows what the cache serves. */
function rawRename(userId: string, path: string): void {
  store.db.prepare('UPDATE users SET path = ? WHERE user_id = ?').run(path, userId);
}

describe('GetUser read of the SQLite users repository', () => {
  it('reads the user and its tags by name ignoring case, tags in the order they were added', async () => {
    const alice = user('Alice', { permissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    await store.users.insert(alice);
    await store.tags.put('user', alice.userId, [
      { Key: 'team', Value: 'blue' },
      { Key: 'cost', Value: '42' },
    ]);
    expect(await store.users.getByNameWithTags('ALICE')).toEqual({
      user: alice,
      tags: [
        { Key: 'team', Value: 'blue' },
        { Key: 'cost', Value: '42' },
      ],
    });
    expect(await store.users.getByNameWithTags('bob')).toBeUndefined();
  });

  it('serves a second read from its cache, frozen, so nobody can change what the next reader gets', async () => {
    const alice = user('alice');
    await store.users.insert(alice);
    const first = await store.users.getByNameWithTags('alice');
    rawRename(alice.userId, '/behind/');
    const second = await store.users.getByNameWithTags('Alice');
    expect(second).toBe(first);
    expect(second!.user.path).toBe('/');
    expect(() => {
      (second!.user as { path: string }).path = '/changed/';
    }).toThrow(TypeError);
    expect(() => (second!.tags as unknown[]).push({ Key: 'k', Value: 'v' })).toThrow(TypeError);
  });

  it('forgets on every write of users through the repository: update, rename, delete', async () => {
    const alice = user('alice');
    await store.users.insert(alice);
    await store.users.getByNameWithTags('alice');
    await store.users.update(alice.userId, { path: '/moved/' });
    expect((await store.users.getByNameWithTags('alice'))!.user.path).toBe('/moved/');
    await store.users.update(alice.userId, { userName: 'alicia' });
    expect(await store.users.getByNameWithTags('alice')).toBeUndefined();
    expect((await store.users.getByNameWithTags('alicia'))!.user.userName).toBe('alicia');
    await store.users.update(alice.userId, { passwordLastUsed: '2026-02-01T00:00:00.000Z' });
    expect((await store.users.getByNameWithTags('alicia'))!.user.passwordLastUsed).toBe('2026-02-01T00:00:00.000Z');
    await store.users.delete(alice.userId);
    expect(await store.users.getByNameWithTags('alicia')).toBeUndefined();
  });

  it("forgets on every write of a user's tags, and on no other entity's", async () => {
    const alice = user('alice');
    await store.users.insert(alice);
    await store.tags.put('user', alice.userId, [{ Key: 'team', Value: 'blue' }]);
    expect((await store.users.getByNameWithTags('alice'))!.tags).toEqual([{ Key: 'team', Value: 'blue' }]);
    await store.tags.put('user', alice.userId, [{ Key: 'team', Value: 'red' }]);
    expect((await store.users.getByNameWithTags('alice'))!.tags).toEqual([{ Key: 'team', Value: 'red' }]);
    await store.tags.remove('user', alice.userId, ['TEAM']);
    expect((await store.users.getByNameWithTags('alice'))!.tags).toEqual([]);
    await store.tags.put('user', alice.userId, [{ Key: 'a', Value: '1' }]);
    await store.users.getByNameWithTags('alice');
    await store.tags.removeAll('user', alice.userId);
    expect((await store.users.getByNameWithTags('alice'))!.tags).toEqual([]);
    // A role's tags do not concern GetUser: what is cached stays (shown by a change behind its back).
    const cached = await store.users.getByNameWithTags('alice');
    await store.tags.put('role', 'AROAOTHER', [{ Key: 'x', Value: 'y' }]);
    expect(await store.users.getByNameWithTags('alice')).toBe(cached);
  });

  it('forgets what a unit read and then rolled back, and what a failed group commit had written', async () => {
    // A unit that renames, reads the new state into the cache, then fails: the rename is undone and so is the cache.
    const alice = user('alice');
    await store.users.insert(alice);
    await expect(
      store.groupWrite(async (unit) => {
        await unit.users.update(alice.userId, { path: '/undone/' });
        expect((await unit.users.getByNameWithTags('alice'))!.user.path).toBe('/undone/');
        throw new Error('the operation fails after its read');
      }),
    ).rejects.toThrow('the operation fails');
    await store.settled();
    expect((await store.users.getByNameWithTags('alice'))!.user.path).toBe('/');
    // A group whose commit fails: a user created and read in it is gone, and not served from the cache.
    await store.groupWrite(() => store.users.insert(user('bob')));
    // A deferred foreign-key violation passes the statement and fails the group at COMMIT.
    await store.groupWrite(async () => {
      store.db.pragma('defer_foreign_keys = ON');
      store.db.prepare("INSERT INTO group_members (group_id, user_id, added_date) VALUES ('AGPANOGROUP', 'AIDANOUSER', 'x')").run();
    });
    // Read (and cached) in the same turn, before the commit.
    expect((await store.users.getByNameWithTags('bob'))!.user.userName).toBe('bob');
    await expect(store.settled()).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.users.getByNameWithTags('bob')).toBeUndefined();
  });

  it('forgets on a wipe', async () => {
    await store.users.insert(user('alice'));
    await store.users.getByNameWithTags('alice');
    await store.wipe();
    expect(await store.users.getByNameWithTags('alice')).toBeUndefined();
  });

  it('keeps at most USER_ROW_CACHE_ENTRIES users, then starts again empty', async () => {
    const first = user('user-0');
    await store.users.insert(first);
    const kept = await store.users.getByNameWithTags('user-0');
    expect(await store.users.getByNameWithTags('user-0')).toBe(kept);
    for (let i = 1; i <= USER_ROW_CACHE_ENTRIES; i++) {
      await store.users.insert(user(`user-${i}`));
      await store.users.getByNameWithTags(`user-${i}`);
    }
    // The cache was emptied when full: user-0 is read again (a new object), the change behind its back seen.
    rawRename(first.userId, '/behind/');
    expect((await store.users.getByNameWithTags('user-0'))!.user.path).toBe('/behind/');
  });
});
