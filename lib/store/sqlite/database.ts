// Opens the SQLite database of a data directory: WAL, foreign keys, migrations applied in one transaction each.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type SqliteDatabase = Database.Database;

/** The page cache of a connection, in KiB. */
export const PAGE_CACHE_KIB = 4096;

/**
 * Opens (creating when absent) a database file of a data directory: WAL (readers beside the writer),
 * synchronous=NORMAL (no committed transaction is lost on a process crash, SIGKILL; only an OS crash may lose the
 * last ones), a 5 s wait on a lock, and a page cache of `pageCacheKib`: better-sqlite3 builds SQLite with 16 MB
 * per connection (SQLite's own default is 2 MB), which a database soon fills and keeps resident.
 */
export function openConnection(dataDir: string, file: string, pageCacheKib: number): SqliteDatabase {
  ensureDataDirectory(dataDir);
  const db = new Database(path.join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${pageCacheKib}`);
  return db;
}

/** Creates the data directory when absent, readable by its owner only. */
export function ensureDataDirectory(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

/**
 * True for SQLite's answers when another connection holds the database locked (SQLITE_BUSY, SQLITE_LOCKED and their
 * extended codes): worth trying again later, or a sign that someone else has it.
 */
export function isLockedOut(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Opens (creating when absent) `gatehouse.db` in `dataDir` and brings its schema up to date. */
export function openDatabase(dataDir: string): SqliteDatabase {
  // 4 MiB holds the indexes and rows that requests keep reading; the operating system's file cache serves the rest.
  const db = openConnection(dataDir, 'gatehouse.db', PAGE_CACHE_KIB);
  // A checkpoint (copying the WAL into the database, with an fsync of each) runs in the commit that crosses this many
  // pages and stalls that request. 10,000 pages instead of SQLite's 1,000 (a WAL of at most about 40 MB) makes them ten
  // times rarer, and a page written again meanwhile is copied once (bench: ~30 µs less wall time per small transaction).
  // The store checkpoints before that whenever it is idle (store.ts `checkpointWhenIdle`), so no request waits then.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/**
 * Makes `db` take its locks on the database file now and keep them until it closes (SQLite's exclusive locking
 * mode). One process serves a data directory (./instance-lock.ts), so no other connection needs them, and a
 * transaction then makes no system calls to take and drop them (`fcntl`: two to four a read, more a write), some
 * 2.5 µs of the ~6 µs SQLite read of a GetUser on the bench machine. Another connection to the file (the `sqlite3` shell, say)
 * is refused "database is locked" while the store is open: read a copy of the file and its `-wal` instead.
 */
export function holdLocks(db: SqliteDatabase): void {
  db.pragma('locking_mode = EXCLUSIVE');
  // Taken now, and the write lock at once: held after reads only, the read lock alone would still be taken and dropped
  // in the WAL index for every transaction.
  db.exec('BEGIN IMMEDIATE; COMMIT');
}

/** Applies every migration (of gatehouse.db unless told otherwise) newer than the database's `user_version`. */
export function migrate(db: SqliteDatabase, migrations: readonly Pick<Migration, 'version' | 'sql'>[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
