// The XML encoder's shortcuts give what the general path gives: stored ISO dates formatted without a Date, values
// with nothing to escape passed through, members in the model's order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeResult, escapeXml, formatTimestamp } from './xml';
import { IAM_MODEL } from './model';

/** What formatTimestamp gave before its shortcut: always the Date round trip. */
function viaDate(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What escapeXml gave before its shortcut: both replacements always. */
function escapedByReplace(text: string): string {
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' };
  return clean.replace(/[&<>"'\r]/g, (c) => escapes[c]);
}

const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('formatTimestamp', () => {
  it('formats stored dates as AWS does, seconds and Z', () => {
    expect(formatTimestamp('2026-12-02T10:22:04.123Z')).toBe('2026-12-02T10:22:04Z');
    expect(formatTimestamp('2026-12-02T10:22:04Z')).toBe('2026-12-02T10:22:04Z');
    expect(formatTimestamp(new Date('2026-12-02T10:22:04.999Z'))).toBe('2026-12-02T10:22:04Z');
  });

  it('rolls over or refuses out-of-range fields exactly as the Date round trip does', () => {
    for (const text of [
      '2026-02-29T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-02-30T12:00:00Z',
      '2026-12-01T24:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z',
      '2026-01-32T00:00:00.000Z',
      '2026-01-01T23:60:00.000Z',
      '2026-01-01T23:59:60Z',
      '0000-01-01T00:00:00.000Z',
      '2026-01-01 00:00:00Z',
      '2026-01-01T00:00:00.000+01:00',
      'not a date',
      '',
    ]) {
      expect(formatTimestamp(text), text).toBe(viaDate(text));
    }
  });

  it('agrees with the Date round trip on any date-shaped text', () => {
    const fields = fc.tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), fc.option(digits(3), { nil: undefined }));
    fc.assert(
      fc.property(fields, ([y, mo, d, h, mi, s, ms]) => {
        const text = `${y}-${mo}-${d}T${h}:${mi}:${s}${ms === undefined ? '' : `.${ms}`}Z`;
        expect(formatTimestamp(text)).toBe(viaDate(text));
      }),
      { seed: 20261202, numRuns: 5000 },
    );
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (date) => {
          expect(formatTimestamp(date.toISOString())).toBe(viaDate(date));
        },
      ),
      { seed: 20261203, numRuns: 2000 },
    );
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops what XML 1.0 cannot carry, and passes anything else through', () => {
    expect(escapeXml(`a&b<c>d"e'f\rg`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f&#xD;g');
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF\tg\nh')).toBe('abcdef\tg\nh');
    expect(escapeXml('arn:aws:iam::123456789012:user/path/élan')).toBe('arn:aws:iam::123456789012:user/path/élan');
  });

  it('agrees with the replacements on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(escapeXml(text)).toBe(escapedByReplace(text));
      }),
      { seed: 20261204, numRuns: 5000 },
    );
  });
});

describe('encodeResult', () => {
  it("writes a structure's members in the model's order (its members object's), skipping absent ones", () => {
    expect(Object.keys(IAM_MODEL.shapes.User.members!)).toEqual([
      'Arn',
      'CreateDate',
      'PasswordLastUsed',
      'Path',
      'PermissionsBoundary',
      'Tags',
      'UserId',
      'UserName',
    ]);
    const xml = encodeResult(
      IAM_MODEL,
      'GetUser',
      {
        User: {
          Tags: [{ Key: 'k', Value: 'a<b' }],
          CreateDate: '2026-01-02T03:04:05.678Z',
          Arn: 'arn:aws:iam::123456789012:user/eng/Bob',
          UserId: 'AIDAEXAMPLE',
          UserName: 'Bob',
          Path: '/eng/',
          PasswordLastUsed: undefined,
        },
      },
      'req-1',
    );
    expect(xml).toBe(
      '<GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetUserResult><User>' +
        '<Arn>arn:aws:iam::123456789012:user/eng/Bob</Arn><CreateDate>2026-01-02T03:04:05Z</CreateDate><Path>/eng/</Path>' +
        '<Tags><member><Key>k</Key><Value>a&lt;b</Value></member></Tags><UserId>AIDAEXAMPLE</UserId><UserName>Bob</UserName>' +
        '</User></GetUserResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetUserResponse>',
    );
  });
});
