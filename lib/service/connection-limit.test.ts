// boundConnections: a server without a bound of its own gets it at its first connection, and node then closes each
// connection past it as it is accepted; a server's own bound is kept.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { boundConnections } from './connection-limit';

const open: (net.Server | net.Socket)[] = [];
afterEach(() => {
  for (const item of open.splice(0)) {
    if (item instanceof net.Socket) item.destroy();
    else item.close();
  }
});

async function listening(server: net.Server): Promise<number> {
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Connects, then reports whether the server closed the connection within a second without sending anything. */
async function closedByServer(port: number): Promise<boolean> {
  const socket = net.connect(port, '127.0.0.1');
  open.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 1000);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.resume();
  });
}

describe('boundConnections', () => {
  it('closes connections past the bound on a server that set none, and accepts again once one goes', async () => {
    boundConnections(3);
    boundConnections(100); // the first bound stays
    const server = http.createServer((_request, response) => response.end('ok'));
    const port = await listening(server);
    expect(await closedByServer(port)).toBe(false);
    expect(await closedByServer(port)).toBe(false);
    expect(await closedByServer(port)).toBe(false);
    expect(server.maxConnections).toBe(3);
    expect(await closedByServer(port)).toBe(true);
    (open[1] as net.Socket).destroy();
    await expect.poll(() => new Promise((resolve) => server.getConnections((_e, n) => resolve(n)))).toBe(2);
    expect(await closedByServer(port)).toBe(false);
  });

  it("keeps a server's own bound", async () => {
    boundConnections(3);
    const server = net.createServer(() => {});
    server.maxConnections = 1;
    const port = await listening(server);
    expect(await closedByServer(port)).toBe(false);
    expect(await closedByServer(port)).toBe(true);
    expect(server.maxConnections).toBe(1);
  });
});
