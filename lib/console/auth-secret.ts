// The key that encrypts console sessions: NEXTAUTH_SECRET, or one generated once and kept in the data directory.
import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { consoleEnv } from './env';

let cached: string | undefined;

/**
 * Instances sharing one database serve the same console sessions: a secret generated into one instance's data
 * directory would not open a cookie issued by another, so the variable is required then.
 */
export const SHARED_SECRET_REQUIRED =
  'GATEHOUSE_DATABASE_URL is set but NEXTAUTH_SECRET is not: every console instance sharing the database must encrypt ' +
  'sessions with the same secret. Set NEXTAUTH_SECRET (e.g. `openssl rand -base64 32`) to the same value on every instance.';

/** Reads `<dataDir>/console-secret`, creating it (mode 0600) when absent. Exported for tests. */
export function readOrCreateSecretFile(dataDir: string): string {
  const file = path.join(path.resolve(dataDir), 'console-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    // `wx`: when two workers race, the first one's secret wins and the other reads it.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
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
