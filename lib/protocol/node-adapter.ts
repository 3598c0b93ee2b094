// Adapter from node:http to the framework-free handler: body size bounded while streaming, the body's raw
// bytes kept for SigV4, source address, TLS flag; AWS error bodies for what node:http refuses itself.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Handler } from './handler';
import { bodyTooLarge, headersTooLarge } from './limits';
import { logUnexpected } from './safe-audit';
import type { WireRequest, WireResponse } from '../core/wire';

/**
 * After a 413, how long and how much more of the refused body is read and thrown away before the connection is
 * dropped: closing at once, with the client's bytes unread, makes the kernel reset the connection, and most
 * clients then lose the 413 that was already sent.
 */
const LINGER_MS = 2000;
const LINGER_BYTES = 64 * 1024 * 1024;

function send(res: ServerResponse, response: WireResponse): void {
  // Object.assign, not a spread followed by a property: V8 (Node 20) takes a slow path for that, ~1 µs a response.
  res.writeHead(response.status, Object.assign({}, response.headers, { 'content-length': Buffer.byteLength(response.body) }));
  res.end(response.body);
}

/**
 * Handlers' responses finished during this turn of the event loop, written together at its end: setImmediate runs
 * right after the poll phase whose callbacks finished them (or after the timers or I/O that finished a slower one).
 * A write's response, finished when its group commits (itself at a turn's end), goes out at the end of the next turn.
 * A load client waiting on many connections is then woken once for all of them, not once per response, and the
 * requests of a turn are handled back to back before their writes. Measured (bench/ab.ts, GetUser at concurrency 16):
 * the server's main thread 146 -> 113 µs a request, and GetUser 46 -> 53 % of the ceiling.
 */
let finished: { res: ServerResponse; response: WireResponse }[] = [];

function writeFinished(): void {
  const batch = finished;
  finished = [];
  for (const { res, response } of batch) {
    try {
      send(res, response);
    } catch {
      // One response node:http refuses to write (a header value it cannot send) costs only its own connection.
      res.destroy();
    }
  }
}

function sendAtEndOfTurn(res: ServerResponse, response: WireResponse): void {
  if (finished.push({ res, response }) === 1) setImmediate(writeFinished);
}

/** Answers 413 now, then discards the rest of the body (never kept) until it ends or the linger bound passes. */
function refuseBody(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): void {
  req.removeAllListeners('data');
  let discarded = 0;
  const drop = () => req.socket.destroy();
  const linger = setTimeout(drop, LINGER_MS);
  linger.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) drop();
  });
  req.once('end', () => clearTimeout(linger));
  req.once('close', () => clearTimeout(linger));
  send(res, bodyTooLarge(maxBodyBytes));
}

/** An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) as the IPv4 address it maps. */
function ipv4Unmapped(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * Every Authorization header of a request joined with ',' when it has more than one, else undefined. Read from the
 * raw header lines (`headersDistinct` would build a second copy of every header for each request to find this).
 */
function repeatedAuthorization(rawHeaders: string[]): string | undefined {
  let values: string[] | undefined;
  let first: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (name.length !== 13 || name.toLowerCase() !== 'authorization') continue;
    if (first === undefined) first = rawHeaders[i + 1];
    else (values ??= [first]).push(rawHeaders[i + 1]);
  }
  return values?.join(',');
}

/**
 * Serves `handler` on a node:http request. A body over `maxBodyBytes` (declared, or counted as it streams,
 * chunked ones included) is answered AWS's 413 as soon as the limit is passed; nothing past it is kept.
 */
export function nodeListener(handler: Handler, maxBodyBytes: number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const declared = Number(req.headers['content-length']);
    if (declared > maxBodyBytes) {
      refuseBody(req, res, maxBodyBytes);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        refuseBody(req, res, maxBodyBytes);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const headers: Record<string, string | undefined> = {};
      const incoming = req.headers;
      for (const name of Object.keys(incoming)) {
        const value = incoming[name];
        headers[name] = Array.isArray(value) ? value.join(',') : value;
      }
      // node:http keeps the first of two Authorization headers; SigV4 must see both (and refuse them).
      const authorization = repeatedAuthorization(req.rawHeaders);
      if (authorization !== undefined) headers.authorization = authorization;
      const rawBody = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      const request: WireRequest = {
        method: req.method ?? 'GET',
        path: q < 0 ? url : url.slice(0, q),
        query: q < 0 ? '' : url.slice(q + 1),
        headers,
        body: rawBody.toString('utf8'),
        rawBody,
        sourceIp: ipv4Unmapped(req.socket.remoteAddress ?? '127.0.0.1'),
        secure: Boolean((req.socket as { encrypted?: boolean }).encrypted),
      };
      handler(request).then(
        (response) => sendAtEndOfTurn(res, response),
        // The handler answers every error itself; a rejection is a bug of its own, logged (its stack only) and
        // answered at once: nothing of it reaches the client.
        (error: unknown) => {
          logUnexpected(error);
          res.writeHead(500, { 'content-type': 'text/xml' });
          res.end(
            '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceFailure</Code><Message>Internal error</Message></Error></ErrorResponse>',
          );
        },
      );
    });
  };
}

/**
 * Answers what node:http refuses before a request reaches the listener with an AWS error body instead of an
 * empty one: a header section over node's limit (`--max-http-header-size`, 16 KiB by default) gets 431 with
 * `RequestHeaderSectionTooLarge`; other malformed requests keep node's plain 400.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const response = headersTooLarge();
      const head = [
        `HTTP/1.1 ${response.status} Request Header Fields Too Large`,
        'connection: close',
        `content-length: ${Buffer.byteLength(response.body)}`,
      ];
      for (const [name, value] of Object.entries(response.headers)) head.push(`${name}: ${value}`);
      socket.end(`${head.join('\r\n')}\r\n\r\n${response.body}`);
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
}
