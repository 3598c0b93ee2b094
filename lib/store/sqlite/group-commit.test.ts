// Group commit: the writes of one event-loop turn share a commit, each operation stays atomic on its own, a
// failed commit fails every operation of its group and keeps what was stored before, and `transaction`
// never returns with its writes (or an open group's) uncommitted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './store';

let dataDir: string;
let store: SqliteStore;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-group-commit-'));
  store = new SqliteStore(dataDir);
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const DATE = '2026-01-01T00:00:00.000Z';
const user = (name: string) => ({
  userId: `AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`,
  userName: name,
  path: '/',
  createDate: DATE,
});

/** What another connection (another process) sees: only committed rows. */
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

describe('group commit', () => {
  it('commits the writes of one turn together, once settled() resolves', async () => {
    await store.groupWrite(() => store.users.insert(user('ana')));
    await store.groupWrite(() => store.users.insert(user('ben')));
    // Seen by this connection at once, by others only after the commit.
    expect((await store.users.getByName('ben'))?.userName).toBe('ben');
    expect(committedUserNames()).toEqual([]);
    await store.settled();
    expect(committedUserNames()).toEqual(['ana', 'ben']);
  });

  it('undoes only the operation that throws', async () => {
    await store.groupWrite(() => store.users.insert(user('ana')));
    await expect(
      store.groupWrite(async () => {
        await store.users.insert(user('ben'));
        throw new Error('validation failed after a write');
      }),
    ).rejects.toThrow('validation failed');
    await store.groupWrite(() => store.users.insert(user('cid')));
    await store.settled();
    expect(committedUserNames()).toEqual(['ana', 'cid']);
  });

  it('fails every operation of a group whose commit fails, keeps what was committed before, and tells listeners', async () => {
    await store.groupWrite(() => store.users.insert(user('kept')));
    await store.settled();
    let rolledBack = 0;
    store.onRollback(() => rolledBack++);
    await store.groupWrite(() => store.users.insert(user('lost')));
    // A deferred foreign-key violation passes the statement and fails at COMMIT.
    await store.groupWrite(async () => {
      store.db.pragma('defer_foreign_keys = ON');
      store.db.prepare("INSERT INTO group_members (group_id, user_id, added_date) VALUES ('AGPANOGROUP', 'AIDANOUSER', ?)").run(DATE);
    });
    await expect(store.settled()).rejects.toThrow(/FOREIGN KEY/);
    expect(rolledBack).toBe(1);
    expect(committedUserNames()).toEqual(['kept']);
    expect(await store.users.getByName('lost')).toBeUndefined();
    // The store goes on working.
    await store.groupWrite(() => store.users.insert(user('next')));
    await store.settled();
    expect(committedUserNames()).toEqual(['kept', 'next']);
  });

  it('fails the group when SQLite rolls back its whole transaction during an operation, and starts a new one after', async () => {
    await store.groupWrite(() => store.users.insert(user('lost')));
    const failed = store.settled();
    await expect(
      store.groupWrite(async () => {
        store.db.exec('ROLLBACK'); // What SQLite itself does on a full disk or an I/O error.
        throw new Error('disk I/O error');
      }),
    ).rejects.toThrow('disk I/O error');
    await expect(failed).rejects.toThrow('disk I/O error');
    await store.groupWrite(() => store.users.insert(user('after')));
    await store.settled();
    expect(committedUserNames()).toEqual(['after']);
  });

  it('commits an open group before a transaction of its own, so transaction() returns with everything committed', async () => {
    await store.groupWrite(() => store.users.insert(user('grouped')));
    await store.transaction(() => store.users.insert(user('direct')));
    expect(committedUserNames()).toEqual(['direct', 'grouped']);
    // A transaction inside a grouped operation joins it rather than committing halfway.
    await store.groupWrite((unit) => unit.transaction(() => unit.users.insert(user('nested'))));
    expect(committedUserNames()).not.toContain('nested');
  });

  it('commits an open group on close', async () => {
    await store.groupWrite(() => store.users.insert(user('last')));
    await store.close();
    expect(committedUserNames()).toEqual(['last']);
    store = new SqliteStore(dataDir);
  });
});
