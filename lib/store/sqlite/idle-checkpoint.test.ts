// Checkpoints while the store is idle: the WAL reaches gatehouse.db between requests, never while a unit, a group
// commit or the warm-up's rehearsal is open, and not while units keep starting.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { withFreshSqliteStore } from './fresh-store.fixtures';
import type { SqliteStore } from './store';

let dataDir: string;
let s: SqliteStore;
const use = (store: SqliteStore, dir: string) => {
  s = store;
  dataDir = dir;
};

/** A setting as gatehouse.db alone holds it (a copy of the file without its WAL): what a checkpoint has copied there. */
function inDatabaseFile(key: string): string | undefined {
  const copy = path.join(dataDir, 'copy.db');
  fs.copyFileSync(path.join(dataDir, 'gatehouse.db'), copy);
  const db = new Database(copy);
  try {
    // A fresh store's schema itself may still be in the WAL only.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'settings'").get()) return undefined;
    return db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value;
  } finally {
    db.close();
    for (const file of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(file, { force: true });
  }
}

async function write(key: string, value: string): Promise<void> {
  await s.groupWrite((unit) => unit.setSetting(key, value));
  await s.settled();
}

describe('SQLite checkpoints while idle, looked for by hand', () => {
  withFreshSqliteStore('gatehouse-idle-checkpoint-', use, { idleCheckpointMs: 0 });

  it('copies committed writes into gatehouse.db once a look finds no unit started since the one before', async () => {
    await write('probe', 'one');
    // Committed, but only in the WAL so far.
    expect(inDatabaseFile('probe')).toBeUndefined();
    expect(s.checkpointWhenIdle()).toBe(false); // a unit started since the last look
    expect(s.checkpointWhenIdle()).toBe(true);
    expect(inDatabaseFile('probe')).toBe('one');
    expect(s.idleCheckpoints).toBe(1);
    // Nothing committed since: nothing to do.
    expect(s.checkpointWhenIdle()).toBe(false);
    expect(await s.getSetting('probe')).toBe('one');
  });

  it('does not run while units keep starting, nor inside a unit or an open group', async () => {
    await write('probe', 'one');
    for (let i = 0; i < 3; i++) {
      await s.read(async (unit) => unit.getSetting('probe'));
      expect(s.checkpointWhenIdle()).toBe(false);
    }
    const looks: boolean[] = [];
    await s.groupWrite(async (unit) => {
      await unit.setSetting('probe', 'two');
      looks.push(s.checkpointWhenIdle(), s.checkpointWhenIdle());
    });
    // The group is open (it commits at the end of this turn): still nothing.
    looks.push(s.checkpointWhenIdle());
    await s.settled();
    expect(looks).toEqual([false, false, false]);
    expect(inDatabaseFile('probe')).toBeUndefined();
    expect(s.checkpointWhenIdle()).toBe(true);
    expect(inDatabaseFile('probe')).toBe('two');
  });

  it('does not run inside the warm-up rehearsal, whose writes are rolled back', async () => {
    await write('probe', 'kept');
    const looks: boolean[] = [];
    await s.rehearse(async () => {
      await write('probe', 'rehearsed');
      looks.push(s.checkpointWhenIdle(), s.checkpointWhenIdle());
    });
    expect(looks).toEqual([false, false]);
    expect(s.checkpointWhenIdle()).toBe(false); // the rehearsal's end took the lock since the last look
    expect(s.checkpointWhenIdle()).toBe(true);
    expect(inDatabaseFile('probe')).toBe('kept');
    expect(await s.getSetting('probe')).toBe('kept');
  });

  it('survives a checkpoint that fails (an I/O error), and the next idle look tries again', async () => {
    await write('probe', 'one');
    expect(s.checkpointWhenIdle()).toBe(false); // a unit started since the last look
    const pragma = vi.spyOn(s.db, 'pragma').mockImplementationOnce(() => {
      throw new Error('disk I/O error');
    });
    try {
      expect(s.checkpointWhenIdle()).toBe(false);
      expect(pragma).toHaveBeenCalledWith('wal_checkpoint(PASSIVE)');
    } finally {
      pragma.mockRestore();
    }
    expect(s.idleCheckpoints).toBe(0);
    expect(inDatabaseFile('probe')).toBeUndefined();
    // The writes are still counted as not checkpointed: the next look, still idle, copies them.
    expect(s.checkpointWhenIdle()).toBe(true);
    expect(inDatabaseFile('probe')).toBe('one');
    expect(await s.getSetting('probe')).toBe('one');
  });
});

describe('SQLite checkpoints while idle, from its timer', () => {
  withFreshSqliteStore('gatehouse-idle-checkpoint-', use, { idleCheckpointMs: 20 });

  it('runs from its timer when the store is left idle', async () => {
    await write('probe', 'timed');
    for (let i = 0; i < 100 && s.idleCheckpoints === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(s.idleCheckpoints).toBe(1);
    expect(inDatabaseFile('probe')).toBe('timed');
  });
});
