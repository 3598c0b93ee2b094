// One standalone server per SQLite data directory: a second `npm run iam` on a directory in use refuses to start and
// says why (on SQLite a second process would not see the first one's changes: a Deny attached through one was never
// enforced by the other), the first keeps serving, and the directory is free again once the first has stopped.
// PostgreSQL runs several instances on one database by design (two-instances.test.ts), so this is SQLite's alone.
import { afterAll, describe, expect, it } from 'vitest';
import { GetUserCommand } from '@aws-sdk/client-iam';
import { onPostgres } from '../support/test-store';
import { adminClient, exited, StandaloneServers } from './standalone';

const servers = new StandaloneServers();
afterAll(() => servers.cleanUp());

describe.skipIf(onPostgres)('a SQLite data directory in use', () => {
  it('refuses a second server on it, naming the directory and the way out; the first serves on; then frees it', async () => {
    const dataDir = servers.dataDir('in-use');
    const first = await servers.start(dataDir, { GATEHOUSE_WARM_UP: '0' });
    const refusal = await servers.start(dataDir, { GATEHOUSE_WARM_UP: '0' }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(/^server exited \(1\) before listening/);
    expect(refusal).toContain(`Gatehouse could not start: the data directory ${dataDir} is in use by another Gatehouse process`);
    expect(refusal).toContain('GATEHOUSE_DATABASE_URL');

    const iam = adminClient(first.endpoint);
    expect((await iam.send(new GetUserCommand({}))).User?.UserName).toBe('admin');
    iam.destroy();

    first.child.kill('SIGTERM');
    await exited(first.child);
    const next = await servers.start(dataDir, { GATEHOUSE_WARM_UP: '0' });
    const again = adminClient(next.endpoint);
    expect((await again.send(new GetUserCommand({}))).User?.UserName).toBe('admin');
    again.destroy();
  });
});
