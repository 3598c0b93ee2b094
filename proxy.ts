// Security headers on every page: a nonce-based Content-Security-Policy (strict script-src), no framing, no
// sniffing, no referrer leaks, HSTS when served over https. The IAM endpoint (/aws) and static assets are left alone.
import { NextResponse, type NextRequest } from 'next/server';

/** Builds the CSP for one response. Exported for tests. */
export function contentSecurityPolicy(nonce: string, development: boolean, secure: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': only scripts carrying this response's nonce run, and what they load.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Style attributes cannot carry nonces (React sets them, and so do CodeMirror and virtualised lists):
    // inline styles are allowed, scripts are not. See components/README.md.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
    ...(secure ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * The largest request body the console's own routes take (Next's default server-action limit; sign-in posts a
 * few hundred bytes). Next buffers a body for proxy (at most `proxyClientMaxBodySize` in next.config.js) and the
 * route may read the rest, all before anything is authenticated: a body declared larger is refused here, unread.
 * The IAM endpoint (/aws, not matched) has its own bound, GATEHOUSE_MAX_BODY_BYTES.
 */
export const CONSOLE_MAX_BODY_BYTES = 1024 * 1024;

export function proxy(request: NextRequest) {
  if (Number(request.headers.get('content-length')) > CONSOLE_MAX_BODY_BYTES) {
    return new NextResponse(`Request body must be at most ${CONSOLE_MAX_BODY_BYTES} bytes.`, {
      status: 413,
      headers: { 'content-type': 'text/plain', connection: 'close' },
    });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development', request.nextUrl.protocol === 'https:');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  // Browsers honour HSTS only over https, and a console reached over plain http must stay reachable.
  if (request.nextUrl.protocol === 'https:') response.headers.set('Strict-Transport-Security', 'max-age=31536000');
  if (!request.nextUrl.pathname.startsWith('/_next/')) response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!aws(?:/|$)|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
