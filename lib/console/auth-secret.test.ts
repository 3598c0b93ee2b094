// The console's session secret: NEXTAUTH_SECRET, a file in the data directory, or (instances sharing a
// PostgreSQL database) a refusal, since each instance's own file would differ.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function secretWith(env: Record<string, string>): Promise<string> {
  for (const key of ['NEXTAUTH_SECRET', 'GATEHOUSE_DATABASE_URL', 'GATEHOUSE_DATA_DIR']) delete process.env[key];
  Object.assign(process.env, env);
  const { authSecret } = await import('./auth-secret');
  return authSecret();
}

describe('authSecret', () => {
  it('uses NEXTAUTH_SECRET when set, on either store', async () => {
    expect(await secretWith({ NEXTAUTH_SECRET: 's'.repeat(40), GATEHOUSE_DATABASE_URL: 'postgres://h/db' })).toBe('s'.repeat(40));
  });

  it('generates one into the data directory on SQLite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-secret-'));
    try {
      const secret = await secretWith({ GATEHOUSE_DATA_DIR: dir });
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(fs.readFileSync(path.join(dir, 'console-secret'), 'utf8').trim()).toBe(secret);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to invent one when instances share a PostgreSQL database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-secret-'));
    try {
      await expect(secretWith({ GATEHOUSE_DATA_DIR: dir, GATEHOUSE_DATABASE_URL: 'postgres://h/db' })).rejects.toThrow(
        /GATEHOUSE_DATABASE_URL is set but NEXTAUTH_SECRET is not/,
      );
      expect(fs.existsSync(path.join(dir, 'console-secret'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
