// The console's session secret: NEXTAUTH_SECRET, a file in the data directory, or (instances sharing a
// PostgreSQL database) a refusal, since each instance's own file would differ.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readOrCreateSecretFile } from './auth-secret';

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

  it('replaces an existing file shorter than 32 characters, whole and private, and keeps a good one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-secret-'));
    const file = path.join(dir, 'console-secret');
    try {
      for (const weak of ['', '\n', 'abc\n', 'x'.repeat(31), ` ${'x'.repeat(31)} \n`]) {
        fs.writeFileSync(file, weak, { mode: 0o644 });
        const secret = readOrCreateSecretFile(dir);
        expect(secret.length).toBeGreaterThanOrEqual(32);
        expect(fs.readFileSync(file, 'utf8').trim()).toBe(secret);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(readOrCreateSecretFile(dir)).toBe(secret);
      }
      fs.writeFileSync(file, `${'g'.repeat(32)}\n`);
      expect(readOrCreateSecretFile(dir)).toBe('g'.repeat(32));
      expect(fs.readdirSync(dir)).toEqual(['console-secret']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a NEXTAUTH_SECRET shorter than 32 characters', async () => {
    await expect(secretWith({ NEXTAUTH_SECRET: 's3cret' })).rejects.toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
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
