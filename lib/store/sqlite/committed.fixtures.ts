// Tests' view of what a data directory's SQLite file holds as committed while its store is open: the store keeps the
// file locked (holdLocks in ./database.ts), so no second connection can read it, but a copy of the file and its WAL
// can be opened. SQLite recovers the copy as it would after a crash: committed transactions only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Runs `sql` on a copy of `file` in `dataDir` (with its `-wal`, when there is one) and returns the rows. */
export function queryCommitted<Row>(dataDir: string, sql: string, file = 'gatehouse.db'): Row[] {
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-committed-'));
  try {
    for (const suffix of ['', '-wal']) {
      const from = path.join(dataDir, file + suffix);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(copyDir, file + suffix));
    }
    const db = new Database(path.join(copyDir, file));
    try {
      return db.prepare(sql).all() as Row[];
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(copyDir, { recursive: true, force: true });
  }
}
