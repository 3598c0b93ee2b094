// The console's origin serves pages and the /aws endpoint from one Next.js process, which never shows a route
// handler the socket a request came from. So every request is stamped as it arrives (node:http's
// `http.server.request.start` diagnostics channel, before Next sees it): the `x-gatehouse-client` header is
// replaced by the client Gatehouse resolved (socket peer, forwarded headers only from trusted proxies), signed
// with a key that never leaves this process. Whatever a client sends under that name is overwritten; a stamp
// this process signed is kept, which is how the console's own server-side calls to /aws carry the browser's
// address (they forward the stamp of the browser's request).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { resolveClient, type ClientInfo, type TrustedProxies } from './client-address';

/** The header that carries the stamp. */
export const CLIENT_STAMP_HEADER = 'x-gatehouse-client';
/** The stamp header's value when the forwarded headers name two different clients (never a valid stamp). */
export const CLIENT_CONFLICT = 'conflict';

/** How long a stamp is believed: a page render or server action forwards it within this. */
const STAMP_LIFETIME_MS = 5 * 60 * 1000;

const processState = globalThis as unknown as { __gatehouseStampKey?: Buffer; __gatehouseStampInstalled?: boolean };

function stampKey(): Buffer {
  processState.__gatehouseStampKey ??= randomBytes(32);
  return processState.__gatehouseStampKey;
}

function mac(payload: string): string {
  return createHmac('sha256', stampKey()).update(payload).digest('base64url');
}

/** Signs a client for this process: `<address> <http|https> <expires epoch ms> <hmac>`. */
export function stampClient(client: ClientInfo, now = Date.now()): string {
  const payload = `${client.sourceIp} ${client.secure ? 'https' : 'http'} ${now + STAMP_LIFETIME_MS}`;
  return `${payload} ${mac(payload)}`;
}

/** The client a stamp of this process names, or undefined when it is absent, forged or expired. */
export function readClientStamp(value: string | null | undefined, now = Date.now()): ClientInfo | undefined {
  if (!value) return undefined;
  const parts = value.split(' ');
  if (parts.length !== 4) return undefined;
  const [sourceIp, proto, expires, signature] = parts;
  const expected = Buffer.from(mac(`${sourceIp} ${proto} ${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (!(Number(expires) > now)) return undefined;
  return { sourceIp, secure: proto === 'https' };
}

/** Replaces a request's stamp with its resolved client, unless it carries a valid stamp of this process. */
export function stampRequest(request: IncomingMessage, socket: Socket, trusted: TrustedProxies, now = Date.now()): void {
  const current = request.headers[CLIENT_STAMP_HEADER];
  if (typeof current === 'string' && readClientStamp(current, now)) return;
  const peer: ClientInfo = {
    sourceIp: socket.remoteAddress ?? '',
    secure: Boolean((socket as Socket & { encrypted?: boolean }).encrypted),
  };
  const client = resolveClient(peer, request.headers, trusted);
  // Forwarded headers that name two clients: no client, and /aws refuses the request as the standalone server does.
  request.headers[CLIENT_STAMP_HEADER] = client ? stampClient(client, now) : CLIENT_CONFLICT;
}

/** Stamps every request this process's HTTP servers receive from now on (idempotent). */
export function installClientStamping(trusted: TrustedProxies): void {
  if (processState.__gatehouseStampInstalled) return;
  processState.__gatehouseStampInstalled = true;
  diagnosticsChannel.subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    stampRequest(request, socket, trusted);
  });
}
