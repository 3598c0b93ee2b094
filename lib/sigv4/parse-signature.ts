// Reads SigV4 signature parts from a request: the `Authorization` header form or the presigned query form,
// with AWS's IncompleteSignature messages for malformed ones. Never throws anything but an AwsError.
import { IncompleteSignature } from '../core/errors';
import { ALGORITHM, type SignableRequest } from './canonical-request';

/** The signature parts of a request, whichever form carried them. */
export interface SignatureParts {
  form: 'header' | 'query';
  accessKeyId: string;
  /** Credential scope: YYYYMMDD, region, service, terminator. */
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  /** Signed header names, lower-case, as listed. */
  signedHeaders: string[];
  signedHeadersText: string;
  signature: string;
  /** The request time as signed (`YYYYMMDDTHHMMSSZ`), from X-Amz-Date or Date. */
  amzDate: string;
  requestTime: Date;
  securityToken?: string;
  /** Presigned URLs: validity in seconds from `requestTime`. */
  expiresSeconds?: number;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Parses `YYYYMMDDTHHMMSSZ`; undefined when malformed, impossible dates included (month 13, 30 February, hour 24,
 * second 60): Date.UTC rolls those over into a real time (20261133 would be 2 December 2027), which AWS refuses.
 */
export function parseAmzDate(text: string): Date | undefined {
  const m = AMZ_DATE.exec(text);
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  if (Number.isNaN(date.getTime())) return undefined;
  return date.getUTCFullYear() === +m[1] &&
    date.getUTCMonth() === +m[2] - 1 &&
    date.getUTCDate() === +m[3] &&
    date.getUTCHours() === +m[4] &&
    date.getUTCMinutes() === +m[5] &&
    date.getUTCSeconds() === +m[6]
    ? date
    : undefined;
}

/** Formats a date as `YYYYMMDDTHHMMSSZ`. */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function rawQueryParam(query: string, name: string): string | undefined {
  if (query.indexOf(name) < 0) return undefined;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    let decodedKey = key;
    try {
      decodedKey = decodeURIComponent(key);
    } catch {
      continue;
    }
    if (decodedKey !== name) continue;
    const raw = (eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' ');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** True when the request carries any SigV4 credentials (header or query). */
export function hasCredentials(request: SignableRequest): boolean {
  return (
    request.headers['authorization'] !== undefined ||
    rawQueryParam(request.query, 'X-Amz-Credential') !== undefined ||
    rawQueryParam(request.query, 'X-Amz-Algorithm') !== undefined
  );
}

function splitCredential(credential: string, message: (c: string) => string) {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[0] === '') throw new IncompleteSignature(message(credential));
  const [accessKeyId, scopeDate, region, service, terminator] = parts;
  return { accessKeyId, scopeDate, region, service, terminator };
}

function requestDate(
  request: SignableRequest,
  amzDate: string | undefined,
  where: 'header' | 'query',
): { amzDate: string; requestTime: Date } | undefined {
  if (amzDate !== undefined) {
    const time = parseAmzDate(amzDate);
    if (!time) {
      throw new IncompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
    }
    return { amzDate, requestTime: time };
  }
  if (where === 'header') {
    const date = request.headers['date'];
    if (date !== undefined) {
      const time = new Date(date);
      if (Number.isNaN(time.getTime())) throw new IncompleteSignature(`Date must be in RFC 1123 format. Got '${date}'.`);
      return { amzDate: formatAmzDate(time), requestTime: time };
    }
  }
  return undefined;
}

function signedHeaderList(text: string): string[] {
  return text.split(';').map((name) => name.trim().toLowerCase());
}

/**
 * Reads the signature parts. Returns undefined when the request carries no credentials at all
 * (the caller answers MissingAuthenticationToken); throws IncompleteSignature when they are malformed.
 */
export function parseSignature(request: SignableRequest): SignatureParts | undefined {
  const header = request.headers['authorization'];
  if (header !== undefined) return parseAuthorizationHeader(request, header);
  if (rawQueryParam(request.query, 'X-Amz-Algorithm') !== undefined || rawQueryParam(request.query, 'X-Amz-Credential') !== undefined) {
    return parsePresignedQuery(request);
  }
  return undefined;
}

/** The form every AWS SDK sends; anything else goes through the field-by-field parser and its messages. */
const CANONICAL_HEADER =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/([^/,\s]+), ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

function parseAuthorizationHeader(request: SignableRequest, header: string): SignatureParts {
  const fast = CANONICAL_HEADER.exec(header);
  const amzHeader = request.headers['x-amz-date'];
  if (fast && amzHeader !== undefined) {
    const date = requestDate(request, amzHeader, 'header')!;
    return {
      form: 'header',
      accessKeyId: fast[1],
      scopeDate: fast[2],
      region: fast[3],
      service: fast[4],
      terminator: fast[5],
      signedHeaders: fast[6].split(';'),
      signedHeadersText: fast[6],
      signature: fast[7],
      ...date,
      securityToken: request.headers['x-amz-security-token'],
    };
  }
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  const fields = new Map<string, string>();
  if (algorithm === ALGORITHM) {
    // Two Authorization headers arrive joined by ',' (`…Signature=…,AWS4-HMAC-SHA256 Credential=…`): the second
    // algorithm name is a token without '=', refused as AWS refuses it, never one header chosen over the other.
    for (const item of trimmed.slice(space + 1).split(',')) {
      for (const entry of item.trim().split(/\s+/)) {
        if (entry === '') continue;
        const eq = entry.indexOf('=');
        if (eq <= 0) {
          throw new IncompleteSignature(
            `'${entry}' not a valid key=value pair (missing equal-sign) in Authorization header: '${trimmed}'.`,
          );
        }
        fields.set(entry.slice(0, eq), entry.slice(eq + 1));
      }
    }
  }
  const credential = fields.get('Credential');
  const signedHeadersText = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  const date = requestDate(request, amzHeader, 'header');
  const problems: string[] = [];
  if (!credential) problems.push("Authorization header requires 'Credential' parameter.");
  if (!signature) problems.push("Authorization header requires 'Signature' parameter.");
  if (!signedHeadersText) problems.push("Authorization header requires 'SignedHeaders' parameter.");
  if (!date) problems.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (problems.length > 0 || algorithm !== ALGORITHM) {
    if (problems.length === 0) problems.push(`Unsupported AWS 'algorithm': '${algorithm}'.`);
    throw new IncompleteSignature(`${problems.join(' ')} Authorization=${trimmed}`);
  }
  const scope = splitCredential(
    credential!,
    (c) => `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${c}'`,
  );
  return {
    form: 'header',
    ...scope,
    signedHeaders: signedHeaderList(signedHeadersText!),
    signedHeadersText: signedHeadersText!,
    signature: signature!,
    ...date!,
    securityToken: request.headers['x-amz-security-token'],
  };
}

function parsePresignedQuery(request: SignableRequest): SignatureParts {
  const query = request.query;
  const algorithm = rawQueryParam(query, 'X-Amz-Algorithm');
  const credential = rawQueryParam(query, 'X-Amz-Credential');
  const signedHeadersText = rawQueryParam(query, 'X-Amz-SignedHeaders');
  const signature = rawQueryParam(query, 'X-Amz-Signature');
  const amzDate = rawQueryParam(query, 'X-Amz-Date');
  const expires = rawQueryParam(query, 'X-Amz-Expires');
  const missing = [
    ['X-Amz-Algorithm', algorithm],
    ['X-Amz-Credential', credential],
    ['X-Amz-Signature', signature],
    ['X-Amz-SignedHeaders', signedHeadersText],
    ['X-Amz-Date', amzDate],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => `AWS query-string parameters must include '${name}'.`);
  if (missing.length > 0) throw new IncompleteSignature(`${missing.join(' ')} Re-examine the query-string parameters.`);
  if (algorithm !== ALGORITHM) throw new IncompleteSignature(`X-Amz-Algorithm only supports '${ALGORITHM}'`);
  const date = requestDate(request, amzDate, 'query')!;
  let expiresSeconds: number | undefined;
  if (expires !== undefined) {
    expiresSeconds = /^\d{1,9}$/.test(expires) ? Number(expires) : NaN;
    if (!(expiresSeconds >= 1 && expiresSeconds <= 604800)) {
      throw new IncompleteSignature('X-Amz-Expires must be a number of seconds between 1 and 604800 (7 days).');
    }
  }
  const scope = splitCredential(
    credential!,
    (c) => `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${c}'`,
  );
  return {
    form: 'query',
    ...scope,
    signedHeaders: signedHeaderList(signedHeadersText!),
    signedHeadersText: signedHeadersText!,
    signature: signature!,
    ...date,
    securityToken: rawQueryParam(query, 'X-Amz-Security-Token'),
    expiresSeconds,
  };
}
