// Fuzz of the SigV4 header parser (seeded, bounded): Authorization headers, dates and presigned query strings
// built from well-formed pieces and garbage are either parsed or refused with an AwsError (never a 5xx or a
// thrown TypeError), and two Authorization headers joined as HTTP joins them are always refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AwsError } from '../core/errors';
import type { SignableRequest } from './canonical-request';
import { parseAmzDate, parseSignature } from './parse-signature';
import { checkScopeAndTime, verifySignature } from './verify';

const NOW = new Date('2026-12-02T01:00:00Z');

/** Runs `fn`; an AwsError below 500 is an answer, anything else fails the property. */
function answered(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    expect(error.status).toBeLessThan(500);
  }
}

const piece = fc.oneof(
  fc.constantFrom(
    'AWS4-HMAC-SHA256',
    'Credential=AKIDEXAMPLE/20261202/us-east-1/iam/aws4_request',
    'Credential=AKIDEXAMPLE/20261202/us-east-1/iam',
    'Credential=/20261202/us-east-1/iam/aws4_request',
    'Credential=a/b/c/d/e/f',
    'SignedHeaders=host;x-amz-date',
    'SignedHeaders=',
    'SignedHeaders=;;',
    `Signature=${'a'.repeat(64)}`,
    'Signature=zz',
    'Signature=',
    '=',
    ',',
    ', ',
    ' ',
    '\t',
    'Credential',
    'AWS4-HMAC-SHA512',
    '%',
    '\u0000',
    'é',
  ),
  fc.string({ maxLength: 20 }),
);
const authorization = fc
  .tuple(fc.array(piece, { maxLength: 12 }), fc.constantFrom(' ', ', ', ','))
  .map(([parts, separator]) => parts.join(separator));
const amzDate = fc.option(
  fc.oneof(
    fc.constantFrom('20261202T010000Z', '20261202T010000', '2026-12-02T01:00:00Z', '99999999T999999Z', ''),
    fc.string({ maxLength: 18 }),
  ),
  { nil: undefined },
);
const httpDate = fc.option(fc.oneof(fc.constantFrom('Wed, 02 Dec 2026 01:00:00 GMT', 'yesterday', ''), fc.string({ maxLength: 30 })), {
  nil: undefined,
});
const queryPart = fc.oneof(
  fc.constantFrom(
    'X-Amz-Algorithm=AWS4-HMAC-SHA256',
    'X-Amz-Algorithm=nope',
    'X-Amz-Credential=AKIDEXAMPLE%2F20261202%2Fus-east-1%2Fiam%2Faws4_request',
    'X-Amz-Credential=%ZZ',
    'X-Amz-Date=20261202T010000Z',
    'X-Amz-SignedHeaders=host',
    `X-Amz-Signature=${'0'.repeat(64)}`,
    'X-Amz-Expires=60',
    'X-Amz-Expires=-1',
    'X-Amz-Expires=99999999999',
    'X-Amz-Security-Token=t%2B',
    'Action=GetUser',
    '&',
    '=',
  ),
  fc.string({ maxLength: 16 }),
);

function request(headers: Record<string, string | undefined>, query = ''): SignableRequest {
  return { method: 'POST', path: '/', query, headers: { host: 'localhost', ...headers }, body: 'Action=GetUser&Version=2010-05-08' };
}

describe('SigV4 header parser fuzz', () => {
  it('parses or refuses any Authorization header with an AwsError, and so do the scope, time and signature checks', () => {
    fc.assert(
      fc.property(authorization, amzDate, httpDate, (header, xAmzDate, date) => {
        const signable = request({ authorization: header, 'x-amz-date': xAmzDate, date });
        answered(() => {
          const parts = parseSignature(signable);
          if (!parts) return;
          checkScopeAndTime(parts, 'iam', NOW, ['us-east-1']);
          verifySignature(signable, parts, 'secret');
        });
      }),
      { seed: 20261202, numRuns: 4000 },
    );
  });

  it('parses or refuses any presigned query string with an AwsError', () => {
    fc.assert(
      fc.property(fc.array(queryPart, { maxLength: 10 }), (parts) => {
        const signable = request({}, parts.join('&'));
        answered(() => {
          const parsed = parseSignature(signable);
          if (!parsed) return;
          checkScopeAndTime(parsed, 'iam', NOW, ['us-east-1']);
          verifySignature(signable, parsed, 'secret');
        });
      }),
      { seed: 20261203, numRuns: 3000 },
    );
  });

  it('refuses two Authorization headers joined by a comma, whichever comes first', () => {
    const valid = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`;
    fc.assert(
      fc.property(authorization, fc.boolean(), (other, validFirst) => {
        const joined = validFirst ? `${valid},${valid.replace('aaaa', 'bbbb')}` : `${other.trim() || 'AWS4-HMAC-SHA256'},${valid}`;
        try {
          parseSignature(request({ authorization: joined, 'x-amz-date': '20261202T010000Z' }));
          expect.unreachable(`accepted: ${joined}`);
        } catch (error) {
          expect(error).toBeInstanceOf(AwsError);
          expect((error as AwsError).code).toBe('IncompleteSignature');
        }
      }),
      { seed: 20261204, numRuns: 1000 },
    );
  });
});

describe('X-Amz-Date', () => {
  it('refuses impossible calendar dates and times instead of rolling them over', () => {
    expect(parseAmzDate('20261203T212250Z')?.toISOString()).toBe('2026-12-03T21:22:50.000Z');
    expect(parseAmzDate('20240229T000000Z')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const impossible of [
      '20261133T212250Z',
      '20261303T212250Z',
      '20261200T212250Z',
      '20260230T000000Z',
      '20250229T000000Z',
      '20261203T240000Z',
      '20261203T216000Z',
      '20261203T212260Z',
    ]) {
      expect(parseAmzDate(impossible), impossible).toBeUndefined();
    }
  });

  it('answers an impossible X-Amz-Date as a malformed one: IncompleteSignature', () => {
    const request: SignableRequest = {
      method: 'POST',
      path: '/',
      query: '',
      headers: {
        host: 'iam.amazonaws.com',
        'x-amz-date': '20261133T212250Z',
        authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261133/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      },
      body: '',
    };
    expect(() => parseSignature(request)).toThrow(/^Date must be in ISO-8601 'basic format'. Got '20261133T212250Z'/);
    try {
      parseSignature(request);
    } catch (error) {
      expect(error).toMatchObject({ code: 'IncompleteSignature', status: 400 });
    }
  });
});
