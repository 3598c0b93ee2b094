// One store per SQLite data directory: a second store (in this process or another) is refused while the first is
// open, with a message naming the directory and the way out; closing, or the death of the holding process however
// it dies, frees the directory. While open, the store also keeps gatehouse.db itself locked.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirectoryInUse } from './instance-lock';
import { openSqliteStore } from './store';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-instance-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A child process that opens a store on `dir`, says so, and then waits (or closes at once with `close`). */
function childScript(mode: 'close' | 'hold'): string {
  const script = path.join(dir, `child-${mode}.mts`);
  fs.writeFileSync(
    script,
    `import { openSqliteStore } from ${JSON.stringify(path.join(import.meta.dirname, 'store.ts'))};
try {
  const store = openSqliteStore(${JSON.stringify(dir)});
  console.log('opened');
  if (${JSON.stringify(mode)} === 'close') await store.close();
  else setInterval(() => {}, 1000);
} catch (error) {
  console.log(error.name + ': ' + error.message);
}
`,
  );
  return script;
}

function runChild(mode: 'close' | 'hold') {
  return spawnSync(process.execPath, ['--import', 'tsx', childScript(mode)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe('SQLite data directory lock', () => {
  it('refuses a second store on the same directory in this process, and frees the directory on close', async () => {
    const first = openSqliteStore(dir);
    let refusal: unknown;
    try {
      openSqliteStore(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirectoryInUse);
    expect((refusal as Error).message).toContain(`the data directory ${path.resolve(dir)} is in use by another Gatehouse process`);
    expect((refusal as Error).message).toContain('GATEHOUSE_DATABASE_URL');
    // The refused store left the first one working.
    expect(await first.users.count()).toBe(0);
    await first.close();
    const again = openSqliteStore(dir);
    await again.close();
  });

  it('refuses a store in another process while this one holds the directory, and lets it open after close', async () => {
    const store = openSqliteStore(dir);
    const refused = runChild('close');
    expect(refused.stdout).toContain('DataDirectoryInUse: the data directory');
    expect(refused.stdout).not.toContain('opened');
    await store.close();
    const opened = runChild('close');
    expect(opened.stdout).toContain('opened');
  });

  it('keeps gatehouse.db itself locked while open (holdLocks): another connection is refused, and served after close', async () => {
    const store = openSqliteStore(dir);
    const other = new Database(path.join(dir, 'gatehouse.db'), { timeout: 0 });
    try {
      expect(() => other.prepare('SELECT count(*) AS n FROM users').get()).toThrow(/database is locked/);
      await store.close();
      expect(other.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    } finally {
      other.close();
    }
  });

  it('leaves no stale lock behind a process killed with SIGKILL', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', childScript('hold')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      holder.stdout!.on('data', (chunk) => {
        output += chunk;
        if (output.includes('opened')) resolve();
      });
      holder.on('exit', (code) => reject(new Error(`holder exited with ${code}: ${output}`)));
    });
    expect(() => openSqliteStore(dir)).toThrow(DataDirectoryInUse);
    const gone = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await gone;
    const store = openSqliteStore(dir);
    await store.close();
  });
});
