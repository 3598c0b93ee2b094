// Durability: SIGKILL the standalone server in the middle of a stream of writes, restart it on the same data
// directory, and find every acknowledged write still there.
import { afterAll, describe, expect, it } from 'vitest';
import { CreateUserCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { adminClient, StandaloneServers } from './standalone';

const servers = new StandaloneServers();
const dataDir = servers.dataDir('kill');

afterAll(() => servers.cleanUp());

describe('durability', () => {
  it('loses no acknowledged write when the server is killed with SIGKILL', async () => {
    const first = await servers.start(dataDir);
    const iam = adminClient(first.endpoint);
    const acknowledged: string[] = [];
    let stop = false;
    // Four writers stream CreateUser calls until the process dies under them.
    const writer = async (w: number) => {
      for (let i = 0; !stop && i < 5000; i++) {
        const name = `durable-${w}-${i}`;
        try {
          await iam.send(new CreateUserCommand({ UserName: name }));
          acknowledged.push(name);
        } catch {
          return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    iam.destroy();
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);

    const second = await servers.start(dataDir);
    const again = adminClient(second.endpoint);
    const missing: string[] = [];
    for (const name of acknowledged) {
      try {
        await again.send(new GetUserCommand({ UserName: name }));
      } catch {
        missing.push(name);
      }
    }
    again.destroy();
    second.child.kill('SIGTERM');
    expect(missing).toEqual([]);
  });
});
