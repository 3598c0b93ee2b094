// The key that encrypts console sessions: NEXTAUTH_SECRET, or one generated once and kept in the data directory.
import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NEXTAUTH_SECRET_MIN_LENGTH } from '../config';
import { consoleEnv } from './env';

let cached: string | undefined;

/**
 * Instances sharing one database serve the same console sessions: a secret generated into one instance's data
 * directory would not open a cookie issued by another, so the variable is required then.
 */
export const SHARED_SECRET_REQUIRED =
  'GATEHOUSE_DATABASE_URL is set but NEXTAUTH_SECRET is not: every console instance sharing the database must encrypt ' +
  'sessions with the same secret. Set NEXTAUTH_SECRET (e.g. `openssl rand -base64 32`) to the same value on every instance.';

/**
 * Reads `<dataDir>/console-secret`, creating it (mode 0600) when absent, and replacing it when it holds fewer than
 * NEXTAUTH_SECRET_MIN_LENGTH characters (empty, truncated, or written by hand). Exported for tests.
 */
export function readOrCreateSecretFile(dataDir: string): string {
  const file = path.join(path.resolve(dataDir), 'console-secret');
  let weak = false;
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= NEXTAUTH_SECRET_MIN_LENGTH) return existing;
    weak = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  // Written beside the file and then put in its place whole, so no reader ever sees a half-written secret.
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    if (weak) {
      // Two workers replacing it at once each keep their own until restarted: the cookies of one are refused by the
      // other, never accepted wrongly.
      fs.renameSync(temporary, file);
      return secret;
    }
    try {
      // A link fails if the file exists: when two workers race, the first one's secret wins and the other reads it.
      fs.linkSync(temporary, file);
      return secret;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateSecretFile(dataDir);
      throw error;
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** The session encryption secret of this process. */
export function authSecret(): string {
  if (cached) return cached;
  const env = consoleEnv();
  if (env.nextAuthSecret === undefined && env.sharedDatabase) throw new Error(SHARED_SECRET_REQUIRED);
  cached = env.nextAuthSecret ?? readOrCreateSecretFile(env.dataDir);
  return cached;
}
