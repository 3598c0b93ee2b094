// The counts quota checks read (migration 5): a database that already holds rows is counted when it is migrated,
// and the counts then follow writes, a unit rolled back inside a group, and wipe.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { SqliteStore } from './store';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-entity-counts-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const DATE = '2026-01-01T00:00:00.000Z';

it('migrating a database with users, roles and policies counts them, and the counts then follow writes', async () => {
  // A database at schema version 4 (before the counts), holding 3 users, 1 role and 2 policies.
  const db = new Database(path.join(dataDir, 'gatehouse.db'));
  db.pragma('journal_mode = WAL');
  for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) db.exec(migration.sql);
  db.pragma('user_version = 4');
  const insertUser = db.prepare("INSERT INTO users (user_id, user_name, name_key, path, create_date) VALUES (?, ?, ?, '/', ?)");
  for (const name of ['x', 'y', 'z']) insertUser.run(`AIDA${name.toUpperCase()}`, name, name, DATE);
  db.prepare(
    "INSERT INTO roles (role_id, role_name, name_key, path, create_date, assume_role_policy, max_session_duration) VALUES ('AROAR', 'r', 'r', '/', ?, '{}', 3600)",
  ).run(DATE);
  const insertPolicy = db.prepare(
    "INSERT INTO managed_policies (policy_id, arn, policy_name, name_key, path, default_version_id, create_date, update_date) VALUES (?, ?, ?, ?, '/', 'v1', ?, ?)",
  );
  for (const name of ['p', 'q']) insertPolicy.run(`ANPA${name}`, `arn:aws:iam::123456789012:policy/${name}`, name, name, DATE, DATE);
  db.close();

  const store = new SqliteStore(dataDir);
  try {
    expect([await store.users.count(), await store.roles.count(), await store.managedPolicies.count(), await store.groups.count()]).toEqual(
      [3, 1, 2, 0],
    );
    await store.groupWrite((unit) => unit.users.insert({ userId: 'AIDAW', userName: 'w', path: '/', createDate: DATE }));
    await store.settled();
    await store.users.delete('AIDAX');
    expect(await store.users.count()).toBe(3);
    await store.wipe();
    expect(await store.users.count()).toBe(0);
    await store.users.insert({ userId: 'AIDAV', userName: 'v', path: '/', createDate: DATE });
    expect(await store.users.count()).toBe(1);
  } finally {
    await store.close();
  }
});

it('a unit that fails inside a group takes its count back with its row (its savepoint), the others keep theirs', async () => {
  const store = new SqliteStore(dataDir);
  try {
    await store.users.insert({ userId: 'AIDAKEPT', userName: 'kept', path: '/', createDate: DATE });
    let rollbacks = 0;
    store.onRollback(() => rollbacks++);
    // Two units of one group (one event-loop turn); the second fails after inserting.
    const first = store.groupWrite((unit) => unit.users.insert({ userId: 'AIDAONE', userName: 'one', path: '/', createDate: DATE }));
    const second = store.groupWrite(async (unit) => {
      await unit.users.insert({ userId: 'AIDATWO', userName: 'two', path: '/', createDate: DATE });
      expect(await unit.users.count()).toBe(3);
      throw new Error('operation failed');
    });
    await expect(second).rejects.toThrow('operation failed');
    await first;
    await store.settled();
    // The failed unit's savepoint was rolled back alone: its row and its count with it.
    expect(await store.users.count()).toBe(2);
    expect(rollbacks).toBe(0);
  } finally {
    await store.close();
  }
});
