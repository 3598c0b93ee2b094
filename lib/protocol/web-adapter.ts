// Adapter from Web Request/Response (Next route handlers) to the framework-free handler.
import type { Handler } from './handler';
import type { WireRequest } from './wire';

/**
 * Serves a Web `Request` mounted at `mountPath` (e.g. `/aws`). `sourceIp` and `secure` describe the client as the
 * mount resolved it (never from headers a client can write).
 */
export async function serveWebRequest(handler: Handler, request: Request, mountPath: string, maxBodyBytes: number, sourceIp: string, secure = false): Promise<Response> {
  const url = new URL(request.url);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) {
    return new Response(
      `<ErrorResponse><Error><Type>Sender</Type><Code>RequestEntityTooLarge</Code><Message>Request body must be at most ${maxBodyBytes} bytes.</Message></Error><RequestId>0</RequestId></ErrorResponse>`,
      { status: 413, headers: { 'content-type': 'text/xml' } },
    );
  }
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  if (body.length > maxBodyBytes) {
    return new Response('<ErrorResponse><Error><Type>Sender</Type><Code>RequestEntityTooLarge</Code><Message>Request body too large.</Message></Error><RequestId>0</RequestId></ErrorResponse>', {
      status: 413,
      headers: { 'content-type': 'text/xml' },
    });
  }
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
    body,
    sourceIp,
    secure,
  };
  const response = await handler(wire);
  return new Response(response.body, { status: response.status, headers: response.headers });
}
