// The node:http adapter: responses written at the end of the event loop's turn still reach the right request,
// whether the handler finished at once or later, and one response node:http refuses costs only its own connection.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WireRequest, WireResponse } from '../core/wire';
import { BodyBudget } from './limits';
import { nodeListener, requestTimeouts } from './node-adapter';

let server: http.Server | undefined;
let agent: http.Agent | undefined;

afterEach(async () => {
  agent?.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  agent = undefined;
});

async function serve(handler: (request: WireRequest) => Promise<WireResponse>, budget?: BodyBudget): Promise<number> {
  server = http.createServer(nodeListener(handler, 1024 * 1024, budget));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  return (server.address() as AddressInfo).port;
}

function post(port: number, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const echo = (request: WireRequest, headers: Record<string, string> = {}): WireResponse => ({
  status: 200,
  headers: { 'content-type': 'text/plain', ...headers },
  body: `echo ${request.body}`,
});

describe('node adapter', () => {
  it('answers each of many concurrent requests with its own response, finished at once or after a delay', async () => {
    const port = await serve(async (request) => {
      const n = Number(request.body.slice(2));
      if (n % 3 === 1) await new Promise((resolve) => setTimeout(resolve, n % 7));
      else if (n % 3 === 2) await new Promise((resolve) => setImmediate(resolve));
      return echo(request);
    });
    const bodies = Array.from({ length: 64 }, (_, i) => `r-${i}`);
    const answers = await Promise.all(bodies.map((body) => post(port, body)));
    expect(answers).toEqual(bodies.map((body) => ({ status: 200, body: `echo ${body}` })));
  });

  it('answers a lone request without waiting for another', async () => {
    const port = await serve(async (request) => echo(request));
    for (let i = 0; i < 5; i++) expect(await post(port, `alone-${i}`)).toEqual({ status: 200, body: `echo alone-${i}` });
  });

  it('a response node:http refuses (a header it cannot send) drops its own connection, not the others of its turn', async () => {
    const port = await serve(async (request) => (request.body === 'bad' ? echo(request, { 'x-broken': 'a\r\nb' }) : echo(request)));
    const results = await Promise.allSettled(['one', 'bad', 'two', 'three'].map((body) => post(port, body)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value.body)).toEqual(['echo one', 'echo two', 'echo three']);
    // The server goes on serving.
    expect(await post(port, 'after')).toEqual({ status: 200, body: 'echo after' });
  });

  it('a handler that fails answers its own request 500 ServiceFailure, and the responses of its turn still go out', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const port = await serve(async (request) => {
      if (request.body === 'fail') throw new Error('a bug in the handler');
      return echo(request);
    });
    const answers = await Promise.all(['one', 'fail', 'two'].map((body) => post(port, body)));
    expect(answers.map((a) => a.status)).toEqual([200, 500, 200]);
    expect(answers[1].body).toContain('<Code>ServiceFailure</Code>');
    expect(answers[1].body).not.toContain('a bug in the handler');
    expect([answers[0].body, answers[2].body]).toEqual(['echo one', 'echo two']);
    expect(await post(port, 'after')).toEqual({ status: 200, body: 'echo after' });
    expect(logged).toHaveBeenCalledOnce();
    expect(String(logged.mock.calls[0][1])).toContain('a bug in the handler');
    logged.mockRestore();
  });
});

/** Sends `head` and `body` on a raw connection, then waits `ms`; resolves with the server's bytes and the socket. */
async function raw(port: number, head: string, body: Buffer | string, ms = 100): Promise<{ socket: net.Socket; received: () => string }> {
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(head);
  socket.write(body);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { socket, received: () => text };
}

const waitFor = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('bodies not yet handled', () => {
  it('a budget reserves only what fits, and gives back what it is given', () => {
    const budget = new BodyBudget(100);
    expect(budget.take(60)).toBe(true);
    expect(budget.take(41)).toBe(false);
    expect(budget.reserved).toBe(60);
    expect(budget.take(40)).toBe(true);
    budget.give(60);
    expect(budget.reserved).toBe(40);
  });

  it('a declared body that does not fit is answered 503 ServiceUnavailable; a stalled one holds its declared size until its connection closes', async () => {
    const budget = new BodyBudget(1000);
    const port = await serve(async (request) => echo(request), budget);
    const stalled = await raw(port, 'POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 800\r\n\r\n', 'a'.repeat(10));
    expect(budget.reserved).toBe(800);
    const refused = await raw(port, 'POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 300\r\n\r\n', 'b'.repeat(300));
    expect(refused.received()).toMatch(/^HTTP\/1\.1 503 [\s\S]*retry-after: 1[\s\S]*<Code>ServiceUnavailable<\/Code>/i);
    // What fits still gets through, and the stalled request, once whole, is served.
    expect(await post(port, 'small')).toEqual({ status: 200, body: 'echo small' });
    stalled.socket.write('a'.repeat(790));
    await waitFor(() => stalled.received().includes('echo '));
    expect(stalled.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(budget.reserved).toBe(0);
    const aborted = await raw(port, 'POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 900\r\n\r\n', 'a');
    expect(budget.reserved).toBe(900);
    aborted.socket.destroy();
    await waitFor(() => budget.reserved === 0);
    expect(budget.reserved).toBe(0);
    for (const connection of [stalled, refused]) connection.socket.destroy();
  });

  it('a chunked body is reserved as it streams, and answered 503 at the chunk that does not fit', async () => {
    const budget = new BodyBudget(1000);
    const port = await serve(async (request) => echo(request), budget);
    const upload = await raw(
      port,
      'POST / HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n',
      '200\r\n' + 'a'.repeat(512) + '\r\n',
    );
    expect(budget.reserved).toBe(512);
    upload.socket.write('200\r\n' + 'a'.repeat(512) + '\r\n');
    await waitFor(() => upload.received().length > 0);
    expect(upload.received()).toMatch(/^HTTP\/1\.1 503 /);
    expect(budget.reserved).toBe(0);
    upload.socket.destroy();
  });

  it('bounds the time to receive a whole request, checked often enough to hold it', () => {
    expect(requestTimeouts(30_000)).toEqual({ requestTimeout: 30_000, headersTimeout: 30_000, connectionsCheckingInterval: 5_000 });
    expect(requestTimeouts(120_000)).toMatchObject({ headersTimeout: 60_000 });
    expect(requestTimeouts(1_000).connectionsCheckingInterval).toBe(250);
  });
});

describe('headers', () => {
  it("joins a repeated header's values with ',' as SigV4 canonicalises them (node joins with ', ' or keeps the first)", async () => {
    const seen: WireRequest[] = [];
    const port = await serve(async (request) => {
      seen.push(request);
      return echo(request);
    });
    const head =
      'POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Foo: a\r\nx-amz-foo:   b  \r\nUser-Agent: u1\r\nUser-Agent: u2\r\n' +
      'Authorization: one\r\nAuthorization: two\r\ncontent-length: 2\r\n\r\n';
    const repeated = await raw(port, head, 'ok');
    await waitFor(() => seen.length === 1);
    expect(seen[0].headers).toMatchObject({ 'x-amz-foo': 'a,b', 'user-agent': 'u1,u2', authorization: 'one,two', host: 'x' });
    repeated.socket.destroy();
    // Without a repeated name, node's own object (a lone Set-Cookie is an array there).
    const single = await raw(port, 'POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Foo: a, b\r\nSet-Cookie: c=1\r\ncontent-length: 2\r\n\r\n', 'ok');
    await waitFor(() => seen.length === 2);
    expect(seen[1].headers).toMatchObject({ 'x-amz-foo': 'a, b', 'set-cookie': 'c=1', host: 'x' });
    single.socket.destroy();
  });
});
