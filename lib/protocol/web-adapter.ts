// Adapter from Web Request/Response (Next route handlers) to the framework-free handler: the body read as a
// stream and bounded while it streams (per request, and across all requests not yet handled), its raw bytes kept
// for SigV4.
import type { Handler } from './handler';
import { BodyBudget, bodiesOverBudget, bodyTooLarge, DEFAULT_BUFFERED_BODY_BYTES } from './limits';
import type { WireRequest, WireResponse } from '../core/wire';

function toResponse(response: WireResponse): Response {
  return new Response(response.body, { status: response.status, headers: response.headers });
}

/** The body bytes held by this process's mount for requests not yet handled (node-adapter's bound, on /aws). */
const processBudget = new BodyBudget(DEFAULT_BUFFERED_BODY_BYTES);

/**
 * The body's bytes; 'too large' once more than `maxBodyBytes` have arrived, 'over budget' once the bytes held for all
 * requests not yet handled would pass `budget`: reading stops there (the rest of the stream is cancelled, never
 * buffered), whether the length was declared (reserved whole before reading) or the body is chunked (reserved as
 * it streams). The reservation is returned when the body has been read, or refused.
 */
async function readBounded(
  request: Request,
  maxBodyBytes: number,
  declared: number,
  budget: BodyBudget,
): Promise<Buffer | 'too large' | 'over budget'> {
  if (!request.body) return Buffer.alloc(0);
  let reserved = declared > 0 ? declared : 0;
  if (reserved > 0 && !budget.take(reserved)) {
    await request.body.cancel().catch(() => undefined);
    return 'over budget';
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      const refusal = size > maxBodyBytes ? 'too large' : size > reserved && !budget.take(size - reserved) ? 'over budget' : undefined;
      if (refusal) {
        chunks.length = 0;
        await reader.cancel().catch(() => undefined);
        return refusal;
      }
      if (size > reserved) reserved = size;
      chunks.push(value);
    }
    return Buffer.concat(chunks, size);
  } finally {
    budget.give(reserved);
  }
}

/**
 * Serves a Web `Request` mounted at `mountPath` (e.g. `/aws`). Bodies over `maxBodyBytes` get AWS's 413; one that
 * does not fit in `budget` (by default the process's, of GATEHOUSE_MAX_BUFFERED_BODY_BYTES's default) gets 503
 * `ServiceUnavailable`. `sourceIp` and `secure` describe the client as the mount resolved it (never from headers a
 * client can write).
 */
export async function serveWebRequest(
  handler: Handler,
  request: Request,
  mountPath: string,
  maxBodyBytes: number,
  sourceIp: string,
  secure = false,
  budget = processBudget,
): Promise<Response> {
  const url = new URL(request.url);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) {
    await request.body?.cancel().catch(() => undefined);
    return toResponse(bodyTooLarge(maxBodyBytes));
  }
  const rawBody =
    request.method === 'GET' || request.method === 'HEAD' ? Buffer.alloc(0) : await readBounded(request, maxBodyBytes, declared, budget);
  if (rawBody === 'too large') return toResponse(bodyTooLarge(maxBodyBytes));
  if (rawBody === 'over budget') return toResponse(bodiesOverBudget());
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
