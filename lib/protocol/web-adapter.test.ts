// The Web Request adapter (the console's /aws): bodies bounded across requests not yet handled, as on node:http.
import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../core/wire';
import { BodyBudget } from './limits';
import { serveWebRequest } from './web-adapter';

/** A POST whose body streams from the returned controller (declaring `declared` bytes, if given). */
function streamingPost(declared?: number) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const request = new Request('http://localhost/aws/', {
    method: 'POST',
    headers: declared === undefined ? {} : { 'content-length': String(declared) },
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, controller };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('serveWebRequest', () => {
  it('holds a declared body against the budget while it streams; one that does not fit is answered 503 ServiceUnavailable', async () => {
    const budget = new BodyBudget(1000);
    const seen: WireRequest[] = [];
    const handler = async (request: WireRequest) => {
      seen.push(request);
      return { status: 200, headers: {}, body: 'ok' };
    };
    const stalled = streamingPost(800);
    const pending = serveWebRequest(handler, stalled.request, '/aws', 1024 * 1024, '127.0.0.1', false, budget);
    stalled.controller.enqueue(new Uint8Array(10));
    await tick();
    expect(budget.reserved).toBe(800);

    const refused = streamingPost(300);
    const answer = await serveWebRequest(handler, refused.request, '/aws', 1024 * 1024, '127.0.0.1', false, budget);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toContain('<Code>ServiceUnavailable</Code>');

    // A chunked body is reserved as it streams, and refused at the chunk that does not fit.
    const chunked = streamingPost();
    const chunkedAnswer = serveWebRequest(handler, chunked.request, '/aws', 1024 * 1024, '127.0.0.1', false, budget);
    chunked.controller.enqueue(new Uint8Array(150));
    chunked.controller.enqueue(new Uint8Array(100));
    expect((await chunkedAnswer).status).toBe(503);
    expect(budget.reserved).toBe(800);

    stalled.controller.enqueue(new Uint8Array(790));
    stalled.controller.close();
    expect((await pending).status).toBe(200);
    expect(seen.map((request) => request.rawBody?.length)).toEqual([800]);
    expect(budget.reserved).toBe(0);
  });
});
