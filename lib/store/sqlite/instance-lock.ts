// One Gatehouse process per SQLite data directory. Each process caches credentials, compiled policy sets and entity
// lookups, and on SQLite nothing tells one process what another committed: a Deny attached through one would never
// be enforced by the other (measured: still allowed 6 s later). So the store holds an exclusive lock on a file of the
// data directory for as long as it is open, and a second store on the same directory (another process, or this one)
// refuses to open, naming the directory and the way out. Several instances share state through PostgreSQL instead
// (GATEHOUSE_DATABASE_URL), which announces every change to every instance.
//
// The lock is SQLite's own on `instance.lock` (an empty database held in an exclusive transaction): the operating
// system drops it when the process dies however it dies, so a crash leaves no stale lock behind, and within one
// process SQLite refuses a second connection the lock just the same.
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensureDataDirectory, isLockedOut } from './database';

/** The file of the data directory whose lock marks it as in use. */
export const INSTANCE_LOCK_FILE = 'instance.lock';

/** The data directory is held by another open store (another process, or this one). */
export class DataDirectoryInUse extends Error {
  constructor(dataDir: string) {
    super(
      `the data directory ${dataDir} is in use by another Gatehouse process. SQLite serves one process per data ` +
        'directory (another would not see its changes, such as a Deny attached there): stop the other one, give this one ' +
        'its own GATEHOUSE_DATA_DIR, or run several instances on PostgreSQL (GATEHOUSE_DATABASE_URL).',
    );
    this.name = 'DataDirectoryInUse';
  }
}

export interface InstanceLock {
  /** Gives the data directory up (the store's close). */
  release(): void;
}

/** Takes the data directory's lock at once (creating the directory when absent), or throws DataDirectoryInUse. */
export function lockDataDirectory(dataDir: string): InstanceLock {
  ensureDataDirectory(dataDir);
  // No waiting: a directory in use is said at once rather than after a busy timeout.
  const db = new Database(path.join(dataDir, INSTANCE_LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Nothing is ever written to it: no rollback journal file beside it (one would be left behind by a SIGKILL).
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isLockedOut(error)) throw new DataDirectoryInUse(path.resolve(dataDir));
    throw error;
  }
  return {
    release() {
      if (db.open) db.close();
    },
  };
}
