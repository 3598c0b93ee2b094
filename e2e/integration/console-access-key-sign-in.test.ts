// The console's access-key sign-in (lib/console/auth-options.ts, next-auth's credentials provider) against a running
// server: wrong secret keys sent at once for one access key from one browser address are held back exactly like
// ones sent one after another (5 tried, the rest refused untried), and the right keys from elsewhere still work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CreateAccessKeyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import type { AuthOptions } from 'next-auth';
import { CLIENT_STAMP_HEADER, stampClient } from '../../lib/service/client-stamp';
import { startServer, type TestServer } from './harness';

vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

let server: TestServer;
let consoleDataDir: string;
let authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
let key: { accessKeyId: string; secretAccessKey: string };

beforeAll(async () => {
  server = await startServer();
  consoleDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-console-'));
  process.env.GATEHOUSE_IAM_ENDPOINT = server.endpoint;
  process.env.GATEHOUSE_DATA_DIR = consoleDataDir;
  const { authOptions } = await import('../../lib/console/auth-options');
  const provider = (authOptions() as AuthOptions).providers[0] as unknown as { options: { authorize: typeof authorize } };
  authorize = provider.options.authorize;
  await server.iam.send(new CreateUserCommand({ UserName: 'key-holder' }));
  const created = (await server.iam.send(new CreateAccessKeyCommand({ UserName: 'key-holder' }))).AccessKey!;
  key = { accessKeyId: created.AccessKeyId!, secretAccessKey: created.SecretAccessKey! };
});
afterAll(async () => {
  delete process.env.GATEHOUSE_IAM_ENDPOINT;
  await server.stop();
  fs.rmSync(consoleDataDir, { recursive: true, force: true });
});

/** The outcome of one sign-in from `address`: 'ok', or the code next-auth passes to the sign-in form. */
async function signIn(secretAccessKey: string, address: string): Promise<string> {
  const headers = { [CLIENT_STAMP_HEADER]: stampClient({ sourceIp: address, secure: false }) };
  try {
    await authorize({ type: 'access-keys', accessKeyId: key.accessKeyId, secretAccessKey }, { headers });
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('access-key sign-in limits', () => {
  it('tries at most 5 of 30 wrong secret keys sent at once from one address, and refuses the rest untried', async () => {
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`wrong-secret-${i}`, '192.0.2.30')));
    expect(outcomes.filter((outcome) => outcome === 'InvalidCredentials')).toHaveLength(5);
    expect(outcomes.filter((outcome) => /^TooManyAttempts:\d+$/.test(outcome))).toHaveLength(25);
    expect(await signIn(key.secretAccessKey, '192.0.2.30')).toMatch(/^TooManyAttempts:/);
    expect(await signIn(key.secretAccessKey, '198.51.100.30')).toBe('ok');
  });
});
