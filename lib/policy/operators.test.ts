// Operand parsing per operator family: operator names, numbers, dates (ISO 8601 / epoch), CIDR blocks, base64.

import { describe, expect, it } from 'vitest';
import { addressInCidr, decodeBase64, parseAddress, parseCidr, parseDate, parseNumber, parseOperator } from './operators';

describe('parseOperator', () => {
  it.each([
    ['StringEquals', { family: 'String', negated: false, ifExists: false, setOperator: undefined }],
    ['ForAnyValue:StringNotLikeIfExists', { family: 'StringLike', negated: true, ifExists: true, setOperator: 'ForAnyValue' }],
    ['forallvalues:arnlike', { family: 'Arn', setOperator: 'ForAllValues', base: 'ArnLike' }],
    ['NumericLessThanEqualsIfExists', { family: 'Numeric', comparison: 'le', ifExists: true }],
    ['NotIpAddress', { family: 'IpAddress', negated: true }],
  ])('%s', (name, expected) => {
    expect(parseOperator(name)).toMatchObject(expected);
  });
  it.each(['Foo', 'NullIfExists', 'ForAllValues:Null', 'StringEqual', 'ForSomeValues:StringEquals'])('rejects %s', (name) => {
    expect(parseOperator(name)).toBeUndefined();
  });
});

// "IAM JSON policy elements: Condition operators" — Date: ISO 8601 or epoch (UNIX) time.
describe('parseDate', () => {
  it.each([
    ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
    ['2026-01-01', Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00', Date.UTC(2026, 0, 1)],
    ['2026-01-01T02:00:00+02:00', Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00.123Z', Date.UTC(2026, 0, 1) + 123],
    ['20260101T000000Z', Date.UTC(2026, 0, 1)],
    ['1767225600', Date.UTC(2026, 0, 1)],
    ['0', 0],
  ])('%s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
  it.each(['tomorrow', '2026-13-01', '2026-01-01T25:00:00Z', ''])('rejects %s', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('numbers, addresses, base64', () => {
  it('parses numbers strictly', () => {
    expect(parseNumber('10')).toBe(10);
    expect(parseNumber('-1.5e2')).toBe(-150);
    expect(parseNumber('0x10')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('1,000')).toBeUndefined();
  });
  it('matches IPv4/IPv6 addresses against CIDR blocks', () => {
    expect(addressInCidr(parseAddress('10.1.2.3')!, parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(addressInCidr(parseAddress('10.1.2.3')!, parseCidr('2001:db8::/32')!)).toBe(false);
    expect(addressInCidr(parseAddress('::ffff:10.1.2.3')!, parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(addressInCidr(parseAddress('10.1.2.3')!, parseCidr('::ffff:10.0.0.0/104')!)).toBe(true);
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseAddress('nope')).toBeUndefined();
  });
  it('decodes base64', () => {
    expect(decodeBase64('aGVsbG8=')).toBe('hello');
    expect(decodeBase64('not base64!')).toBeUndefined();
  });
});
