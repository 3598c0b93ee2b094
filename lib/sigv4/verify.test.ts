// SigV4 verification proved against AWS's published test suite and against requests signed by @smithy/signature-v4.
import { describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { AwsError } from '../core/errors';
import { canonicalQuery, canonicalUri, type SignableRequest } from './canonical-request';
import { parseSignature } from './parse-signature';
import { checkScopeAndTime, expectedSignature, signatureMatches, verifySignature } from './verify';
import { SIGV4_TEST_SUITE, SUITE } from './sigv4-suite.fixtures';

/** Parses a raw HTTP/1.1 request of the suite (folded header lines continue the previous value). */
function parseRawRequest(raw: string, authorization: string): SignableRequest {
  const [head, ...bodyParts] = raw.split('\n\n');
  const lines = head.split('\n');
  const requestLine = lines[0];
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' HTTP/1.1'));
  const q = target.indexOf('?');
  const headers: Record<string, string> = {};
  let last = '';
  for (const line of lines.slice(1)) {
    if (/^\s/.test(line)) {
      headers[last] += ',' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
    last = name;
  }
  headers['authorization'] = authorization;
  return {
    method,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    headers,
    body: bodyParts.join('\n\n'),
  };
}

describe('AWS Signature Version 4 test suite', () => {
  for (const [name, raw, authorization] of SIGV4_TEST_SUITE) {
    it(`verifies ${name}`, () => {
      const request = parseRawRequest(raw, authorization);
      const parts = parseSignature(request)!;
      expect(parts.accessKeyId).toBe(SUITE.accessKeyId);
      checkScopeAndTime(parts, SUITE.service, SUITE.now);
      expect(signatureMatches(request, parts, SUITE.secretAccessKey)).toBe(true);
      expect(signatureMatches(request, parts, SUITE.secretAccessKey.replace('K', 'k'))).toBe(false);
    });
  }

  it('canonicalises paths and queries as the suite does', () => {
    expect(canonicalUri('/example space/')).toBe('/example%20space/');
    expect(canonicalUri('//example//')).toBe('/example/');
    expect(canonicalUri('/aws')).toBe('/aws');
    expect(canonicalQuery('Param2=value2&Param1=value1')).toBe('Param1=value1&Param2=value2');
    expect(canonicalQuery('a=b%20c&X-Amz-Signature=abc')).toBe('a=b%20c');
  });
});

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

function signer(service = 'iam', extra: { sessionToken?: string } = {}) {
  return new SignatureV4({ credentials: { ...credentials, ...extra }, region: 'us-east-1', service, sha256: Sha256 });
}

interface SignedHttpRequest {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
}

function toSignable(request: SignedHttpRequest): SignableRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  const query = Object.entries(request.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return { method: request.method, path: request.path, query, headers, body: typeof request.body === 'string' ? request.body : '' };
}

function formRequest(body: string, path = '/') {
  return new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4650,
    path,
    headers: { host: '127.0.0.1:4650', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof AwsError ? `${error.code}: ${error.message}` : `unexpected ${String(error)}`;
  }
  return 'ok';
}

describe('round trips with @smithy/signature-v4', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('verifies a signed POST and rejects a tampered body, header, date or signature', async () => {
    const signed = await signer().sign(formRequest('Action=GetUser&Version=2010-05-08'), { signingDate: now });
    const request = toSignable(signed);
    const parts = parseSignature(request)!;
    expect(parts.form).toBe('header');
    checkScopeAndTime(parts, 'iam', now);
    expect(signatureMatches(request, parts, credentials.secretAccessKey)).toBe(true);

    expect(signatureMatches({ ...request, body: 'Action=GetUser&Version=2010-05-08&UserName=x' }, parts, credentials.secretAccessKey)).toBe(
      false,
    );
    const hostChanged = { ...request, headers: { ...request.headers, host: 'evil.example' } };
    expect(signatureMatches(hostChanged, parseSignature(hostChanged)!, credentials.secretAccessKey)).toBe(false);
    const dateChanged = { ...request, headers: { ...request.headers, 'x-amz-date': '20261127T120001Z' } };
    expect(signatureMatches(dateChanged, parseSignature(dateChanged)!, credentials.secretAccessKey)).toBe(false);
    const flipped = parts.signature.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const sigChanged = {
      ...request,
      headers: { ...request.headers, authorization: request.headers.authorization!.replace(parts.signature, flipped) },
    };
    expect(codeOf(() => verifySignature(sigChanged, parseSignature(sigChanged)!, credentials.secretAccessKey))).toMatch(
      /^SignatureDoesNotMatch: The request signature we calculated/,
    );
  });

  it('verifies a request signed for the /aws mount with its signed path', async () => {
    const signed = await signer().sign(formRequest('Action=ListUsers&Version=2010-05-08', '/aws'), { signingDate: now });
    const request = toSignable(signed);
    expect(signatureMatches(request, parseSignature(request)!, credentials.secretAccessKey)).toBe(true);
    expect(signatureMatches({ ...request, path: '/' }, parseSignature(request)!, credentials.secretAccessKey)).toBe(false);
  });

  it('verifies presigned URLs, with a session token, and enforces X-Amz-Expires', async () => {
    const unsigned = new HttpRequest({
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: '/',
      headers: { host: '127.0.0.1' },
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    });
    const presigned = await signer('sts', { sessionToken: 'token/with+special=chars' }).presign(unsigned, {
      signingDate: now,
      expiresIn: 60,
    });
    const request = toSignable(presigned);
    const parts = parseSignature(request)!;
    expect(parts.form).toBe('query');
    expect(parts.securityToken).toBe('token/with+special=chars');
    expect(parts.expiresSeconds).toBe(60);
    checkScopeAndTime(parts, 'sts', new Date(now.getTime() + 59_000));
    expect(signatureMatches(request, parts, credentials.secretAccessKey)).toBe(true);
    expect(codeOf(() => checkScopeAndTime(parts, 'sts', new Date(now.getTime() + 61_000)))).toMatch(
      /^SignatureDoesNotMatch: Signature expired: 20261127T120000Z is now earlier than/,
    );
    const tampered = { ...request, query: request.query.replace('GetCallerIdentity', 'GetSessionToken') };
    expect(signatureMatches(tampered, parseSignature(tampered)!, credentials.secretAccessKey)).toBe(false);
  });

  it('checks the credential scope and the clock skew with AWS messages', async () => {
    const signed = toSignable(await signer('sts').sign(formRequest('Action=GetCallerIdentity&Version=2011-06-15'), { signingDate: now }));
    const parts = parseSignature(signed)!;
    expect(codeOf(() => checkScopeAndTime(parts, 'iam', now))).toBe(
      "SignatureDoesNotMatch: Credential should be scoped to correct service: 'iam'. ",
    );
    expect(codeOf(() => checkScopeAndTime(parts, 'sts', new Date(now.getTime() + 16 * 60_000)))).toBe(
      'SignatureDoesNotMatch: Signature expired: 20261127T120000Z is now earlier than 20261127T120100Z (20261127T121600Z - 15 min.)',
    );
    expect(codeOf(() => checkScopeAndTime(parts, 'sts', new Date(now.getTime() - 16 * 60_000)))).toMatch(
      /^SignatureDoesNotMatch: Signature not yet current/,
    );
    expect(codeOf(() => checkScopeAndTime(parts, 'sts', new Date(now.getTime() + 14 * 60_000)))).toBe('ok');
  });
});

describe('the Date header form', () => {
  it('takes the request time from Date when X-Amz-Date is absent', () => {
    const request: SignableRequest = {
      method: 'GET',
      path: '/',
      query: '',
      headers: { host: 'example.amazonaws.com', date: 'Sun, 30 Aug 2015 12:36:00 GMT' },
      body: '',
    };
    const unsigned = {
      ...request,
      headers: {
        ...request.headers,
        authorization: `AWS4-HMAC-SHA256 Credential=${SUITE.accessKeyId}/20150830/us-east-1/service/aws4_request, SignedHeaders=date;host, Signature=${'0'.repeat(64)}`,
      },
    };
    const parts = parseSignature(unsigned)!;
    expect(parts.amzDate).toBe('20150830T123600Z');
    checkScopeAndTime(parts, 'service', SUITE.now);
    const signature = expectedSignature(unsigned, parts, SUITE.secretAccessKey);
    const signed = {
      ...unsigned,
      headers: { ...unsigned.headers, authorization: unsigned.headers.authorization.replace('0'.repeat(64), signature) },
    };
    expect(signatureMatches(signed, parseSignature(signed)!, SUITE.secretAccessKey)).toBe(true);
    const otherDay = { ...signed, headers: { ...signed.headers, date: 'Mon, 31 Aug 2015 12:36:00 GMT' } };
    expect(codeOf(() => checkScopeAndTime(parseSignature(otherDay)!, 'service', SUITE.now))).toMatch(
      /^SignatureDoesNotMatch: Date in Credential scope does not match/,
    );
  });
});

describe('malformed Authorization headers', () => {
  const base: SignableRequest = {
    method: 'POST',
    path: '/',
    query: '',
    headers: { host: 'h', 'x-amz-date': '20261127T120000Z' },
    body: '',
  };
  const withAuth = (authorization: string, extra: Record<string, string> = {}) => ({
    ...base,
    headers: { ...base.headers, ...extra, authorization },
  });

  it('answers IncompleteSignature naming what is missing', () => {
    expect(codeOf(() => parseSignature(withAuth('Basic dXNlcjpwYXNz')))).toBe(
      "IncompleteSignature: Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=Basic dXNlcjpwYXNz",
    );
    expect(
      codeOf(() =>
        parseSignature({
          ...base,
          headers: { host: 'h', authorization: 'AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=00' },
        }),
      ),
    ).toMatch(/requires existence of either a 'X-Amz-Date' or a 'Date' header/);
    expect(
      codeOf(() => parseSignature(withAuth('AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1, SignedHeaders=host, Signature=00'))),
    ).toMatch(/^IncompleteSignature: Credential must have exactly 5 slash-delimited elements/);
    expect(codeOf(() => parseSignature(withAuth('AWS4-HMAC-SHA256 Credential')))).toMatch(
      /^IncompleteSignature: 'Credential' not a valid key=value pair/,
    );
  });

  it('returns undefined when there are no credentials at all', () => {
    expect(parseSignature(base)).toBeUndefined();
  });
});
