// Adapter from node:http to the framework-free handler: body size bounded while streaming (per request, and across
// all requests not yet handled), the time to receive a request bounded, the body's raw bytes kept for SigV4, source
// address, TLS flag; AWS error bodies for what node:http refuses itself.
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Handler } from './handler';
import { BodyBudget, bodyTooLarge, bodiesOverBudget, DEFAULT_BUFFERED_BODY_BYTES, headersTooLarge } from './limits';
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

/** Answers `response` now, then discards the rest of the body (never kept) until it ends or the linger bound passes. */
function refuseBody(req: IncomingMessage, res: ServerResponse, response: WireResponse): void {
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
  send(res, response);
}

/** An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) as the IPv4 address it maps. */
function ipv4Unmapped(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * A request's headers as SigV4 canonicalises them: names in lower case, the values of a repeated header joined with
 * ',' in the order they came (node:http joins most with ', ' and keeps only the first of others, Authorization and
 * User-Agent among them, so a request signed over `x-amz-foo:a,b` would not verify). node's own object serves when
 * no name repeats (its raw lines are then twice its names), which is nearly every request; only the others are
 * rebuilt from the raw lines.
 */
function wireHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  const incoming = req.headers;
  const names = Object.keys(incoming);
  const raw = req.rawHeaders;
  if (raw.length === names.length * 2) {
    for (const name of names) {
      const value = incoming[name];
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    return headers;
  }
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (name === '__proto__') continue;
    const prior = headers[name];
    headers[name] = prior === undefined ? raw[i + 1] : `${prior},${raw[i + 1]}`;
  }
  return headers;
}

/**
 * Serves `handler` on a node:http request. A body over `maxBodyBytes` (declared, or counted as it streams,
 * chunked ones included) is answered AWS's 413 as soon as the limit is passed; nothing past it is kept. A body that
 * would take the bytes held for all requests not yet handled past `budget` is answered 503 `ServiceUnavailable`
 * (which SDKs retry) without keeping any of it: a declared Content-Length is reserved whole as the request arrives,
 * so a request accepted is never cut off later; a chunked body reserves each chunk as it comes. The reservation is
 * returned when the handler gets the request or the connection closes.
 */
export function nodeListener(handler: Handler, maxBodyBytes: number, budget = new BodyBudget(DEFAULT_BUFFERED_BODY_BYTES)) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const declared = Number(req.headers['content-length']);
    if (declared > maxBodyBytes) {
      refuseBody(req, res, bodyTooLarge(maxBodyBytes));
      return;
    }
    let reserved = declared > 0 ? declared : 0;
    if (reserved > 0 && !budget.take(reserved)) {
      refuseBody(req, res, bodiesOverBudget());
      return;
    }
    const release = () => {
      budget.give(reserved);
      reserved = 0;
    };
    req.once('close', release);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        release();
        refuseBody(req, res, bodyTooLarge(maxBodyBytes));
        return;
      }
      if (size > reserved) {
        if (!budget.take(size - reserved)) {
          refused = true;
          chunks.length = 0;
          release();
          refuseBody(req, res, bodiesOverBudget());
          return;
        }
        reserved = size;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      release();
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      // Two Authorization headers reach SigV4 joined, and are refused there.
      const headers = wireHeaders(req);
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
 * node:http options that bound the time a client may take to send one whole request, headers and body, to
 * `requestTimeoutMs` (node's default: 300 s, during which a stalled body holds its bytes; GATEHOUSE_REQUEST_TIMEOUT_SECONDS).
 * The headers get the same bound if it is under node's 60 s (node requires headersTimeout <= requestTimeout). Node
 * checks the bounds every connectionsCheckingInterval (30 s by default, which would let a 30 s bound run to 60 s):
 * here a quarter of the bound, at most 5 s.
 */
export function requestTimeouts(
  requestTimeoutMs: number,
): Pick<ServerOptions, 'requestTimeout' | 'headersTimeout' | 'connectionsCheckingInterval'> {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(60_000, requestTimeoutMs),
    connectionsCheckingInterval: Math.min(5_000, Math.max(100, Math.floor(requestTimeoutMs / 4))),
  };
}

/**
 * Answers what node:http refuses before a request reaches the listener with an AWS error body instead of an
 * empty one: a header section over node's limit (`--max-http-header-size`, 16 KiB by default) gets 431 with
 * `RequestHeaderSectionTooLarge`; a request not received within the server's request timeout keeps node's plain
 * 408; other malformed requests keep node's plain 400.
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
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      // A response already begun on this connection (a 413 or 503 while its body is discarded) must not be corrupted.
      if ((socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) socket.destroy();
      // Closed once written, not left half-open on the client's word: the request's reserved body bytes are returned
      // when its connection closes.
      else socket.end('HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n', () => socket.destroy());
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
}
