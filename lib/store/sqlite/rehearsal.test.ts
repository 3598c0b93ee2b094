// The store's rehearsal (the standalone server's start-up warm-up runs in one): every write made in it — units,
// group writes, a unit that fails — is rolled back at its end, what was committed before stays, the rollback
// listeners hear of it, and no write can slip out of it if its transaction is lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './store';

let dataDir: string;
let store: SqliteStore;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-rehearsal-'));
  store = new SqliteStore(dataDir);
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const user = (name: string) => ({
  userId: `AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`,
  userName: name,
  path: '/',
  createDate: '2026-01-01T00:00:00.000Z',
});

/** What another connection sees: only committed rows. */
function committedUserNames(): string[] {
  const other = new Database(path.join(dataDir, 'gatehouse.db'), { readonly: true });
  try {
    return other
      .prepare<[], { user_name: string }>('SELECT user_name FROM users ORDER BY user_name')
      .all()
      .map((row) => row.user_name);
  } finally {
    other.close();
  }
}

describe('rehearse', () => {
  it('rolls back every write made in it, and keeps what was committed before', async () => {
    await store.transaction((s) => s.users.insert(user('kept')));
    let rolledBack = 0;
    store.onRollback(() => rolledBack++);
    await store.rehearse(async () => {
      await store.transaction((s) => s.users.insert(user('unit')));
      await Promise.all([
        store.groupWrite((s) => s.users.insert(user('group-a'))),
        store.groupWrite((s) => s.users.insert(user('group-b'))),
      ]);
      await store.settled();
      // Seen inside the rehearsal, never by another connection.
      expect((await store.users.getByName('group-b'))?.userName).toBe('group-b');
      expect(committedUserNames()).toEqual(['kept']);
    });
    expect(rolledBack).toBe(1);
    expect(committedUserNames()).toEqual(['kept']);
    expect(await store.users.getByName('unit')).toBeUndefined();
    // The store works as before after it: units commit again.
    await store.transaction((s) => s.users.insert(user('after')));
    expect(committedUserNames()).toEqual(['after', 'kept']);
  });

  it('undoes a failing unit alone inside it, then everything at its end', async () => {
    await store.rehearse(async () => {
      await store.transaction((s) => s.users.insert(user('first')));
      await expect(
        store.transaction(async (s) => {
          await s.users.insert(user('failing'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.users.getByName('failing')).toBeUndefined();
      expect((await store.users.getByName('first'))?.userName).toBe('first');
    });
    expect(committedUserNames()).toEqual([]);
  });

  it('refuses every write once its transaction is lost, rather than committing it', async () => {
    await store.rehearse(async () => {
      await store.transaction((s) => s.users.insert(user('inside')));
      store.db.prepare('ROLLBACK').run(); // as SQLite does itself on some errors
      await expect(store.transaction((s) => s.users.insert(user('unit')))).rejects.toThrow(/rehearsal transaction/);
      await expect(store.groupWrite((s) => s.users.insert(user('group')))).rejects.toThrow(/rehearsal transaction/);
    });
    expect(committedUserNames()).toEqual([]);
  });
});
