// The framework-free request and response the handler speaks; adapters convert Node and Web requests to them.

/** An HTTP request as the IAM handler sees it. Header names are lower-case. */
export interface WireRequest {
  method: string;
  /** Path relative to the mount point, starting with '/'. */
  path: string;
  /** Raw query string without '?'. */
  query: string;
  headers: Record<string, string | undefined>;
  /** The body as UTF-8 text (form-encoded for the query protocol). */
  body: string;
  /** The body's bytes as received: what SigV4's payload hash covers (a non-UTF-8 body hashes as sent). */
  rawBody?: Uint8Array;
  sourceIp: string;
  /** True when the request came over TLS. */
  secure: boolean;
  /** The path as the client signed it (the mount prefix included), for SigV4; defaults to `path`. */
  signedPath?: string;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A JSON response for Gatehouse's own routes. */
export function jsonResponse(status: number, value: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}
