// SigV4 canonical request and string to sign, as the Signature Version 4 specification defines them, for
// verifying a request exactly as its client signed it (only the headers it names in SignedHeaders).
import { hash } from 'node:crypto';

/** What of an HTTP request SigV4 covers. Header names are lower-case. */
export interface SignableRequest {
  method: string;
  /** The path as the client signed it, still percent-encoded as it arrived. */
  path: string;
  /** The raw query string without '?'. */
  query: string;
  headers: Record<string, string | undefined>;
  /** The payload: its bytes as received (text is hashed as UTF-8). */
  body: string | Uint8Array;
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** RFC 3986 encoding as SigV4 requires: everything but `A-Za-z0-9-._~` percent-encoded (upper-case hex). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(text: string): string {
  if (text.indexOf('%') < 0) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    // Invalid percent-encoding: sign the text as it stands (the signature will simply not match).
    return text;
  }
}

/**
 * Canonical URI for every service but S3: dot segments resolved, empty segments dropped, and each segment
 * of the path as it came over the wire URI-encoded once more ("encoded twice": the client encoded it once).
 */
export function canonicalUri(path: string): string {
  if (path === '/' || path === '') return '/';
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') segments.pop();
    else segments.push(uriEncode(raw));
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.join('/')}${trailing}`;
}

/** Canonical query string: pairs decoded then re-encoded, sorted by key then value; `X-Amz-Signature` left out. */
export function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = uriEncode(decode((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' ')));
    if (key === 'X-Amz-Signature') continue;
    const value = uriEncode(decode((eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' ')));
    pairs.push([key, value]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  let out = '';
  for (let i = 0; i < pairs.length; i++) out += (i === 0 ? '' : '&') + pairs[i][0] + '=' + pairs[i][1];
  return out;
}

/** A header value trimmed, with sequential spaces collapsed to one (SigV4 "Trimall"). */
function trimAll(value: string): string {
  const trimmed = value.trim();
  return trimmed.indexOf('  ') >= 0 || LINE_BREAK_OR_TAB.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** A module constant: a regular expression literal in a function body is a new RegExp object on every call. */
const LINE_BREAK_OR_TAB = /[\t\r\n]/;

/** Canonical headers block (each `name:value\n`) for the signed header names, in the order given. */
export function canonicalHeaders(headers: Record<string, string | undefined>, signedHeaders: readonly string[]): string {
  let out = '';
  for (const name of signedHeaders) out += `${name}:${trimAll(headers[name] ?? '')}\n`;
  return out;
}

/** SHA-256 of bytes or text (UTF-8) as lower-case hex (node's one-shot hash: no Hash object per call). */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/**
 * The canonical request. The payload hash is always computed from the body received, so a body altered
 * after signing (whatever `x-amz-content-sha256` claims) fails verification.
 */
export function canonicalRequest(request: SignableRequest, signedHeaders: readonly string[], signedHeadersText: string): string {
  const payloadHash = request.body.length === 0 ? EMPTY_SHA256 : sha256Hex(request.body);
  return (
    request.method.toUpperCase() +
    '\n' +
    canonicalUri(request.path) +
    '\n' +
    canonicalQuery(request.query) +
    '\n' +
    canonicalHeaders(request.headers, signedHeaders) +
    '\n' +
    signedHeadersText +
    '\n' +
    payloadHash
  );
}

/** `AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex(sha256(canonicalRequest))>`. */
export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
}
