// Adapter from Web Request/Response (Next route handlers) to the framework-free handler: the body read as a
// stream and bounded while it streams, its raw bytes kept for SigV4.
import type { Handler } from './handler';
import { bodyTooLarge } from './limits';
import type { WireRequest, WireResponse } from '../core/wire';

function toResponse(response: WireResponse): Response {
  return new Response(response.body, { status: response.status, headers: response.headers });
}

/**
 * The body's bytes, or undefined once more than `maxBodyBytes` have arrived: reading stops there (the rest
 * of the stream is cancelled, never buffered), whether the length was declared or the body is chunked.
 */
async function readBounded(request: Request, maxBodyBytes: number): Promise<Buffer | undefined> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Serves a Web `Request` mounted at `mountPath` (e.g. `/aws`). Bodies over `maxBodyBytes` get AWS's 413. `sourceIp`
 * and `secure` describe the client as the mount resolved it (never from headers a client can write).
 */
export async function serveWebRequest(
  handler: Handler,
  request: Request,
  mountPath: string,
  maxBodyBytes: number,
  sourceIp: string,
  secure = false,
): Promise<Response> {
  const url = new URL(request.url);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) {
    await request.body?.cancel().catch(() => undefined);
    return toResponse(bodyTooLarge(maxBodyBytes));
  }
  const rawBody = request.method === 'GET' || request.method === 'HEAD' ? Buffer.alloc(0) : await readBounded(request, maxBodyBytes);
  if (rawBody === undefined) return toResponse(bodyTooLarge(maxBodyBytes));
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const relative = url.pathname.startsWith(mountPath) ? url.pathname.slice(mountPath.length) || '/' : url.pathname;
  const wire: WireRequest = {
    method: request.method,
    path: relative,
    signedPath: url.pathname,
    query: url.search.startsWith('?') ? url.search.slice(1) : url.search,
    headers,
    body: rawBody.toString('utf8'),
    rawBody,
    sourceIp,
    secure,
  };
  return toResponse(await handler(wire));
}
