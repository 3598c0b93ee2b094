// The node:http adapter: responses written at the end of the event loop's turn still reach the right request,
// whether the handler finished at once or later, and one response node:http refuses costs only its own connection.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WireRequest, WireResponse } from '../core/wire';
import { nodeListener } from './node-adapter';

let server: http.Server | undefined;
let agent: http.Agent | undefined;

afterEach(async () => {
  agent?.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  agent = undefined;
});

async function serve(handler: (request: WireRequest) => Promise<WireResponse>): Promise<number> {
  server = http.createServer(nodeListener(handler, 1024 * 1024));
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
