// Group commit: the writes of one event-loop turn share a commit, each operation stays atomic on its own, a
// failed commit fails every operation of its group and keeps what was stored before, and `transaction`
// never returns with its writes (or an open group's) uncommitted. And the rehearsal (the standalone server's
// start-up warm-up runs in one): every write made in it is rolled back at its end, what was committed before
// stays, the rollback listeners hear of it, and no write can slip out of it if its transaction is lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './store';
import { queryCommitted } from './committed.fixtures';

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

/** What another process would see, and what a crash now would leave: only committed rows. */
function committedUserNames(): string[] {
  return queryCommitted<{ user_name: string }>(dataDir, 'SELECT user_name FROM users ORDER BY user_name').map((row) => row.user_name);
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
