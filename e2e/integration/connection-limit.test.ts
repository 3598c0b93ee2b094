// The standalone server bounds its open connections (GATEHOUSE_MAX_CONNECTIONS): with the bound held by idle
// connections that never send a request, one more is closed as it is accepted, and once they go the server serves
// again. (Node's default is no bound: idle connections, whoever opens them, each hold memory and a file descriptor
// until its header timeout.)
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { GetUserCommand } from '@aws-sdk/client-iam';
import { adminClient, StandaloneServers } from './standalone';

const servers = new StandaloneServers();
afterAll(() => servers.cleanUp());

/** An idle TCP connection to `endpoint`, open once the server has accepted it. */
function idleConnection(endpoint: string): Promise<net.Socket> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('connections of the standalone server', () => {
  it('closes a connection beyond GATEHOUSE_MAX_CONNECTIONS as it is accepted, and serves again once others close', async () => {
    const server = await servers.start(servers.dataDir('connections'), { GATEHOUSE_MAX_CONNECTIONS: '4', GATEHOUSE_WARM_UP: '0' });
    const idle = await Promise.all([0, 1, 2, 3].map(() => idleConnection(server.endpoint)));
    // Accepted by the kernel, then closed by the server without a byte: the client reads the end of the stream.
    const extra = await idleConnection(server.endpoint);
    const closed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5000);
      extra.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
      extra.resume();
    });
    expect(closed).toBe(true);
    for (const socket of idle) socket.destroy();
    const iam = adminClient(server.endpoint);
    await expect
      .poll(
        () =>
          iam.send(new GetUserCommand({})).then(
            (output) => output.User?.UserName,
            () => 'refused',
          ),
        { timeout: 5000 },
      )
      .toBe('admin');
    iam.destroy();
  });
});
