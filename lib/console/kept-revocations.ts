// Console sign-outs kept in the data directory (console-revocations.json), for the sessions the service cannot
// revoke itself: signed with long-term keys (against AWS, or an endpoint without Gatehouse's sign-in route), or
// whose sign-out did not reach the service. One entry per access key, hashed (the file names no key): the end of
// the latest session of that key that was signed out. A session of the key ending no later than that is refused;
// one signed in after the sign-out ends later (console sessions have one length) and is not.
//
// Several console processes may share the data directory: a write takes a lock file, merges with what the file holds
// and renames a complete new file into place; a reader reloads whenever the file changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const REVOCATIONS_FILE = 'console-revocations.json';
const LOCK_WAIT_MS = 2_000;
/** A lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 10_000;

type Entries = Map<string, number>;

interface Loaded {
  /** The file's identity when read (mtime and size); undefined when there was none. */
  stamp?: string;
  entries: Entries;
}

const loaded = new Map<string, Loaded>();

/** The hash an access key is kept under. */
export function keyHash(accessKeyId: string): string {
  return createHash('sha256').update(accessKeyId).digest('hex');
}

function fileOf(dataDir: string): string {
  return path.join(dataDir, REVOCATIONS_FILE);
}

function stampOf(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/** When the last warning about an unreadable file was given (at most one a minute). */
let warnedAt = 0;

/**
 * The live entries of the file. A missing file is none. One that cannot be read (permissions, an I/O error) gives
 * no entries and `ok: false` with the reason; one that does not parse is moved aside (kept for inspection, never
 * overwritten) and warned about.
 */
function readEntries(file: string, now: number): { entries: Entries; ok: boolean; reason?: string } {
  const entries: Entries = new Map();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries, ok: true };
    return { entries, ok: false, reason: (error as Error).message };
  }
  let kept: Record<string, unknown>;
  try {
    const parsed = JSON.parse(text) as { revoked?: unknown };
    if (!parsed || typeof parsed.revoked !== 'object' || parsed.revoked === null) throw new Error('no "revoked" object');
    kept = parsed.revoked as Record<string, unknown>;
  } catch (error) {
    const aside = `${file}.unreadable-${Date.now()}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      // Another process moved it first.
    }
    console.warn(`[console-auth] ${file} could not be read (${(error as Error).message}); moved to ${aside}`);
    return { entries, ok: true };
  }
  for (const [hash, until] of Object.entries(kept)) {
    if (/^[0-9a-f]{64}$/.test(hash) && typeof until === 'number' && until > now) entries.set(hash, until);
  }
  return { entries, ok: true };
}

/**
 * The kept entries of `dataDir`, read again when the file changed since the last read; undefined while the file
 * exists and cannot be read (said on stderr at most once a minute).
 */
function current(dataDir: string): Entries | undefined {
  const file = fileOf(dataDir);
  const stamp = stampOf(file);
  const cached = loaded.get(dataDir);
  if (cached && cached.stamp === stamp) return cached.entries;
  const { entries, ok, reason } = readEntries(file, Date.now());
  if (!ok) {
    // Not remembered as the file's content: the next check reads again.
    if (Date.now() - warnedAt > 60_000) {
      warnedAt = Date.now();
      console.warn(`[console-auth] ${file} cannot be read (${reason}): sessions it may hold sign-outs of are refused until it can`);
    }
    return undefined;
  }
  // (A change between the stat and the read only makes the next check read once more.)
  loaded.set(dataDir, { stamp, entries });
  return entries;
}

/** Runs `write` holding `<file>.lock` (created exclusively; a stale one is removed). */
function withLock(file: string, write: () => void): void {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmSync(lock, { force: true });
      } catch {
        // Removed meanwhile.
      }
      if (Date.now() > deadline) throw new Error(`${lock} is held by another process`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  try {
    write();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * Keeps a sign-out: the session of `accessKeyId` ending at `expiresAtMs` and every earlier one of that key are refused
 * until `expiresAtMs`. Throws when the directory cannot be written (the caller says so; memory still refuses it).
 */
export function keepRevocation(dataDir: string, accessKeyId: string, expiresAtMs: number): void {
  const file = fileOf(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  withLock(file, () => {
    const now = Date.now();
    const { entries, ok, reason } = readEntries(file, now);
    // Never written over what could not be read.
    if (!ok) throw new Error(`${file} cannot be read (${reason})`);
    const hash = keyHash(accessKeyId);
    entries.set(hash, Math.max(entries.get(hash) ?? 0, expiresAtMs));
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify({ version: 1, revoked: Object.fromEntries(entries) }), { mode: 0o600 });
    fs.renameSync(temporary, file);
    loaded.set(dataDir, { stamp: stampOf(file), entries });
  });
}

/**
 * True when a kept sign-out covers the session of `accessKeyId` ending at `expiresAtMs`, and while the file exists
 * and cannot be read (what cannot be checked is refused).
 */
export function isKeptRevoked(dataDir: string, accessKeyId: string, expiresAtMs: number): boolean {
  const entries = current(dataDir);
  if (entries === undefined) return true;
  const until = entries.get(keyHash(accessKeyId));
  return until !== undefined && expiresAtMs <= until && until > Date.now();
}

/** Forgets what was read (tests: a console process started afresh). */
export function forgetLoadedRevocations(): void {
  loaded.clear();
}
