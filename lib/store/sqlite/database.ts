// Opens the SQLite database of a data directory: WAL, foreign keys, migrations applied in one transaction each.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type SqliteDatabase = Database.Database;

/** The page cache of a connection, in KiB. */
export const PAGE_CACHE_KIB = 4096;

/** Opens (creating when absent) `gatehouse.db` in `dataDir` and brings its schema up to date. */
export function openDatabase(dataDir: string): SqliteDatabase {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, 'gatehouse.db'));
  db.pragma('journal_mode = WAL');
  // NORMAL loses no committed transaction on a process crash (SIGKILL); only an OS crash may lose the last ones.
  db.pragma('synchronous = NORMAL');
  // A checkpoint (copying the WAL into the database, with an fsync of each) runs in the commit that crosses this many
  // pages and stalls that request. 10,000 pages instead of SQLite's 1,000 (a WAL of at most about 40 MB) makes them ten
  // times rarer, and a page written again meanwhile is copied once (bench: ~30 µs less wall time per small transaction).
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection (SQLite's own default is 2 MB), which
  // a data directory's database soon fills and keeps resident; 4 MiB still holds the indexes and rows that
  // requests keep reading, and the operating system's file cache serves the rest.
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  migrate(db);
  return db;
}

/** Applies every migration newer than the database's `user_version`. */
export function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
