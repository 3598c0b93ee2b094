// Console sign-out: refused after a restart of the console when the service cannot revoke the session (long-term
// keys, the AWS target) or the sign-out did not reach it; only that session, not the keys.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-revocation-unit-'));
process.env.GATEHOUSE_DATA_DIR = dataDir;
const { credentialsStillValid, revokeConsoleSession } = await import('./revocation');
const { forgetLoadedRevocations } = await import('./kept-revocations');
const file = path.join(dataDir, 'console-revocations.json');
const AWS = { kind: 'aws' } as const;
const keys = { accessKeyId: 'AKIAEXAMPLEREVOKED01', secretAccessKey: 'secret' };
const end = Math.floor(Date.now() / 1000) + 3600;

/** What a console process restarted on the same data directory sees: nothing of this one's memory. */
function restart(): void {
  delete (globalThis as { __gatehouseRevocation?: unknown }).__gatehouseRevocation;
  forgetLoadedRevocations();
}

beforeEach(() => {
  restart();
  fs.rmSync(file, { force: true });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('console sign-out', () => {
  it('refuses a session the service cannot revoke after a restart too', async () => {
    await revokeConsoleSession(keys, end, AWS);
    expect(await credentialsStillValid(keys, end, AWS)).toBe(false);
    restart();
    expect(await credentialsStillValid(keys, end, AWS)).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(keys.accessKeyId);
  });

  it('ends that session only: the same keys sign in again as a new session', async () => {
    await revokeConsoleSession(keys, end, AWS);
    expect(await credentialsStillValid(keys, end + 5, AWS)).toBe(true);
    restart();
    expect(await credentialsStillValid(keys, end + 5, AWS)).toBe(true);
    expect(await credentialsStillValid(keys, end, AWS)).toBe(false);
  });

  it('keeps a sign-out the service did not take, and only that one', async () => {
    let answer = 200;
    const service = http.createServer((_request, response) => {
      response.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    const target = { kind: 'endpoint' as const, endpoint: `http://127.0.0.1:${(service.address() as AddressInfo).port}` };
    const session = (id: string) => ({ accessKeyId: id, secretAccessKey: 's', sessionToken: 't' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      // Taken by the service: nothing to keep (the service refuses the credentials from now on).
      await revokeConsoleSession(session('ASIAREVOKEDBYSERVICE'), end, target);
      expect(fs.existsSync(file)).toBe(false);
      // Refused (500) or unreachable: kept, so a restarted console refuses the cookie without asking.
      answer = 500;
      await revokeConsoleSession(session('ASIANOTTAKEN0000001'), end, target);
      service.close();
      await revokeConsoleSession(session('ASIAUNREACHABLE0001'), end, target);
      restart();
      expect(await credentialsStillValid(session('ASIANOTTAKEN0000001'), end, target)).toBe(false);
      expect(await credentialsStillValid(session('ASIAUNREACHABLE0001'), end, target)).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('the data directory keeps it'));
    } finally {
      warn.mockRestore();
      service.close();
    }
  });
});
