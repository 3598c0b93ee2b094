// The console's origin is Next.js's own HTTP server (`next start`), which this process never gets a handle on. Its
// open connections are bounded all the same (GATEHOUSE_MAX_CONNECTIONS, as the standalone server's): node:net
// publishes every connection it accepts on the `net.server.socket` diagnostics channel, with the socket that names
// its server, and the first one a server accepts sets the bound on that server; node then closes each connection
// past it as it is accepted. Idle connections, whoever opens them, otherwise each hold memory and a file descriptor
// until node's header timeout, without a request or any credential.
import diagnosticsChannel from 'node:diagnostics_channel';
import type { Server, Socket } from 'node:net';

const processState = globalThis as unknown as { __gatehouseConnectionBound?: number };

/**
 * Bounds to `max` the open connections of every TCP server of this process that has no bound of its own, from the
 * first connection it accepts after this call (idempotent: the first call's bound stays).
 */
export function boundConnections(max: number): void {
  if (processState.__gatehouseConnectionBound !== undefined) return;
  processState.__gatehouseConnectionBound = max;
  diagnosticsChannel.subscribe('net.server.socket', (message) => {
    const server = (message as { socket: Socket & { server?: Server } }).socket.server;
    if (server && server.maxConnections == null) server.maxConnections = max;
  });
}
