// The SQLite database of a data directory: the connection settings openDatabase applies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, PAGE_CACHE_KIB } from './database';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-sqlite-database-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('bounds the page cache (better-sqlite3 would keep 16 MB resident) and keeps WAL and foreign keys', () => {
    const db = openDatabase(dir);
    try {
      expect(PAGE_CACHE_KIB).toBeLessThan(16000);
      expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});
