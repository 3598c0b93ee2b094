// A fresh SQLite store in a temporary data directory of its own for each test of a file, closed and removed after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { SqliteStore, type SqliteStoreOptions } from './store';

/** Registers the hooks; `use` receives each test's store (and its directory) before the test runs. */
export function withFreshSqliteStore(
  prefix: string,
  use: (store: SqliteStore, dataDir: string) => void,
  options?: SqliteStoreOptions,
): void {
  let dataDir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    store = new SqliteStore(dataDir, options);
    use(store, dataDir);
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
}
