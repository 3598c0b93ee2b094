// Sign-out of console sessions the service cannot revoke (long-term keys; the AWS target): refused after a restart
// of the console too, and only that session, not the keys.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-revocation-unit-'));
process.env.GATEHOUSE_DATA_DIR = dataDir;
const { credentialsStillValid, revokeConsoleSession } = await import('./revocation');
const file = path.join(dataDir, 'console-revocations.json');
const AWS = { kind: 'aws' } as const;
const keys = { accessKeyId: 'AKIAEXAMPLEREVOKED01', secretAccessKey: 'secret' };
const end = Math.floor(Date.now() / 1000) + 3600;

/** What a console process restarted on the same data directory sees: nothing of this one's memory. */
function restart(): void {
  delete (globalThis as { __gatehouseRevocation?: unknown }).__gatehouseRevocation;
}

beforeEach(() => {
  restart();
  fs.rmSync(file, { force: true });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('console sign-out the service cannot revoke', () => {
  it('refuses the signed-out session after a restart, from a file that names no key', async () => {
    await revokeConsoleSession(keys, end, AWS);
    expect(await credentialsStillValid(keys, end, AWS)).toBe(false);
    restart();
    expect(await credentialsStillValid(keys, end, AWS)).toBe(false);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(keys.accessKeyId);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('ends that session only: the same keys sign in again as a new session', async () => {
    await revokeConsoleSession(keys, end, AWS);
    expect(await credentialsStillValid(keys, end + 5, AWS)).toBe(true);
    restart();
    expect(await credentialsStillValid(keys, end + 5, AWS)).toBe(true);
    expect(await credentialsStillValid(keys, end, AWS)).toBe(false);
  });

  it('keeps no entry past the session end, and reads an unreadable file as none', async () => {
    const past = Math.floor(Date.now() / 1000) - 1;
    await revokeConsoleSession({ ...keys, accessKeyId: 'AKIAEXAMPLEPAST00001' }, past, AWS);
    await revokeConsoleSession(keys, end, AWS);
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).revoked)).toHaveLength(1);
    fs.writeFileSync(file, '{not json');
    restart();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await credentialsStillValid(keys, end, AWS)).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read'));
    warn.mockRestore();
  });
});
