// Condition operators, one table row per documented behaviour (IAM User Guide pages cited per block).

import { describe, expect, it } from 'vitest';
import { conditionAllows } from './builders.fixtures';

type Row = [string, Record<string, Record<string, unknown>>, Record<string, string | string[] | undefined>, boolean];

function table(rows: Row[]) {
  it.each(rows)('%s', (_name, condition, context, expected) => {
    expect(conditionAllows(condition, context)).toBe(expected);
  });
}

// "IAM JSON policy elements: Condition operators" — String condition operators.
describe('String operators', () => {
  table([
    ['StringEquals exact match', { StringEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' }, true],
    ['StringEquals is case-sensitive on values', { StringEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'Alice' }, false],
    ['StringEquals: several values are ORed', { StringEquals: { 'aws:username': ['bob', 'alice'] } }, { 'aws:username': 'alice' }, true],
    ['StringEquals: key names ignore case', { StringEquals: { 'AWS:UserName': 'alice' } }, { 'aws:username': 'alice' }, true],
    ['StringEquals: context key names ignore case', { StringEquals: { 'aws:username': 'alice' } }, { 'AWS:USERNAME': 'alice' }, true],
    ['StringEquals: absent key is false', { StringEquals: { 'aws:username': 'alice' } }, {}, false],
    ['StringEquals does not treat * as wildcard', { StringEquals: { 'aws:username': 'a*' } }, { 'aws:username': 'alice' }, false],
    ['StringNotEquals: different value', { StringNotEquals: { 'aws:username': 'bob' } }, { 'aws:username': 'alice' }, true],
    ['StringNotEquals: same value', { StringNotEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' }, false],
    [
      'StringNotEquals: none of several values',
      { StringNotEquals: { 'aws:username': ['bob', 'alice'] } },
      { 'aws:username': 'alice' },
      false,
    ],
    ['StringNotEquals: absent key is true (negated operator)', { StringNotEquals: { 'aws:username': 'alice' } }, {}, true],
    ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, { 'aws:username': 'alice' }, true],
    ['StringNotEqualsIgnoreCase', { StringNotEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, { 'aws:username': 'alice' }, false],
    ['StringLike with *', { StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/docs' }, true],
    ['StringLike with ?', { StringLike: { 's3:prefix': 'a?c' } }, { 's3:prefix': 'abc' }, true],
    ['StringLike ? is exactly one character', { StringLike: { 's3:prefix': 'a?c' } }, { 's3:prefix': 'abbc' }, false],
    ['StringLike is case-sensitive', { StringLike: { 's3:prefix': 'Home/*' } }, { 's3:prefix': 'home/x' }, false],
    ['StringNotLike', { StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'public/x' }, true],
    ['StringNotLike matching value', { StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/x' }, false],
  ]);
});

// "IAM JSON policy elements: Condition operators" — Numeric condition operators.
describe('Numeric operators', () => {
  table([
    ['NumericEquals', { NumericEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10' }, true],
    ['NumericEquals compares numbers, not text', { NumericEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10.0' }, true],
    ['NumericEquals with an unquoted number', { NumericEquals: { 's3:max-keys': 10 } }, { 's3:max-keys': '10' }, true],
    ['NumericNotEquals', { NumericNotEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '11' }, true],
    ['NumericLessThan true', { NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': '9' }, true],
    ['NumericLessThan equal is false', { NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': '10' }, false],
    ['NumericLessThanEquals', { NumericLessThanEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10' }, true],
    ['NumericGreaterThan', { NumericGreaterThan: { 's3:max-keys': '10' } }, { 's3:max-keys': '10.5' }, true],
    ['NumericGreaterThanEquals', { NumericGreaterThanEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '9' }, false],
    ['Numeric: a non-numeric request value matches nothing', { NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': 'abc' }, false],
    [
      'Numeric negated: non-numeric request value matches nothing either',
      { NumericNotEquals: { 's3:max-keys': '10' } },
      { 's3:max-keys': 'abc' },
      false,
    ],
    ['Numeric: absent key is false', { NumericEquals: { 's3:max-keys': '10' } }, {}, false],
  ]);
});

// "IAM JSON policy elements: Condition operators" — Date condition operators (ISO 8601 or epoch).
describe('Date operators', () => {
  table([
    [
      'DateLessThan ISO 8601',
      { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } },
      { 'aws:CurrentTime': '2025-12-31T23:59:59Z' },
      true,
    ],
    [
      'DateLessThan false after',
      { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } },
      { 'aws:CurrentTime': '2026-01-01T00:00:01Z' },
      false,
    ],
    [
      'DateGreaterThan with a date only',
      { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01' } },
      { 'aws:CurrentTime': '2026-01-01T00:00:01Z' },
      true,
    ],
    [
      'DateEquals across time zones',
      { DateEquals: { 'aws:CurrentTime': '2026-01-01T01:00:00+01:00' } },
      { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
      true,
    ],
    [
      'Date epoch in policy vs ISO in request',
      { DateEquals: { 'aws:CurrentTime': '1767225600' } },
      { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
      true,
    ],
    ['Date epoch in request', { DateLessThanEquals: { 'aws:EpochTime': '2026-01-01T00:00:00Z' } }, { 'aws:EpochTime': '1767225600' }, true],
    [
      'DateNotEquals',
      { DateNotEquals: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } },
      { 'aws:CurrentTime': '2026-01-02T00:00:00Z' },
      true,
    ],
    [
      'DateGreaterThanEquals',
      { DateGreaterThanEquals: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' } },
      { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' },
      true,
    ],
    [
      'Date with milliseconds',
      { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00.500Z' } },
      { 'aws:CurrentTime': '2026-01-01T00:00:00.250Z' },
      true,
    ],
    [
      'Date: invalid request value matches nothing',
      { DateLessThan: { 'aws:CurrentTime': '2026-01-01' } },
      { 'aws:CurrentTime': 'yesterday' },
      false,
    ],
  ]);
});

// "IAM JSON policy elements: Condition operators" — Boolean, Binary, IP address, ARN, Null.
describe('Bool, BinaryEquals, IpAddress, Arn, Null', () => {
  table([
    ['Bool true', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'true' }, true],
    ['Bool ignores case of values', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'TRUE' }, true],
    ['Bool unquoted boolean', { Bool: { 'aws:SecureTransport': false } }, { 'aws:SecureTransport': 'false' }, true],
    ['Bool mismatch', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'false' }, false],
    ['Bool absent key is false', { Bool: { 'aws:SecureTransport': 'false' } }, {}, false],
    [
      'BinaryEquals compares decoded bytes',
      { BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } },
      { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' },
      true,
    ],
    ['BinaryEquals mismatch', { BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, { key: 'b3RoZXI=' }, false],
    ['IpAddress IPv4 CIDR', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.7' }, true],
    ['IpAddress outside CIDR', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.114.7' }, false],
    ['IpAddress single address', { IpAddress: { 'aws:SourceIp': '203.0.113.7' } }, { 'aws:SourceIp': '203.0.113.7' }, true],
    [
      'IpAddress IPv6 CIDR',
      { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } },
      { 'aws:SourceIp': '2001:db8:1234:5678::1' },
      true,
    ],
    [
      'IpAddress IPv6 outside',
      { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } },
      { 'aws:SourceIp': '2001:db8:1234:5679::1' },
      false,
    ],
    [
      'IpAddress mixed list v4 + v6',
      { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8::/32'] } },
      { 'aws:SourceIp': '2001:db8::5' },
      true,
    ],
    [
      'IpAddress IPv4-mapped IPv6 request',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { 'aws:SourceIp': '::ffff:203.0.113.9' },
      true,
    ],
    ['NotIpAddress outside', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.1' }, true],
    ['NotIpAddress inside', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.1' }, false],
    ['IpAddress invalid request value', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': 'not-an-ip' }, false],
    [
      'ArnEquals',
      { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic' } },
      { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic' },
      true,
    ],
    [
      'ArnLike with wildcard in a segment',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } },
      { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:123456789012:t' },
      true,
    ],
    [
      'ArnLike wildcard does not span segments',
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } },
      { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/x' },
      false,
    ],
    [
      'ArnLike wildcard in the resource segment spans ":" and "/"',
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:*' } },
      { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/a:b' },
      true,
    ],
    [
      'ArnLike segment-aware: * in region cannot eat the account',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:topic' } },
      { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic' },
      false,
    ],
    [
      'ArnEquals also accepts wildcards',
      { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:*:topic' } },
      { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic' },
      true,
    ],
    [
      'ArnNotLike',
      { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } },
      { 'aws:SourceArn': 'arn:aws:sqs:us-east-1:123456789012:q' },
      true,
    ],
    [
      'ArnNotEquals same',
      { ArnNotEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:t' } },
      { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:t' },
      false,
    ],
    ['ArnLike: request value not an ARN', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } }, { 'aws:SourceArn': 'topic' }, false],
    ['Null true: key absent', { Null: { 'aws:TokenIssueTime': 'true' } }, {}, true],
    ['Null true: key present', { Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' }, false],
    ['Null false: key present', { Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' }, true],
    ['Null false: key absent', { Null: { 'aws:TokenIssueTime': 'false' } }, {}, false],
    ['Null: empty list counts as absent', { Null: { 'aws:TagKeys': 'true' } }, { 'aws:TagKeys': [] }, true],
  ]);
});

// "IAM JSON policy elements: Condition operators" — ...IfExists condition operators.
describe('...IfExists', () => {
  table([
    ['StringEqualsIfExists: absent key is true', { StringEqualsIfExists: { 'ec2:InstanceType': 't2.micro' } }, {}, true],
    [
      'StringEqualsIfExists: present key is compared',
      { StringEqualsIfExists: { 'ec2:InstanceType': 't2.micro' } },
      { 'ec2:InstanceType': 'm5.large' },
      false,
    ],
    [
      'StringEqualsIfExists: present and equal',
      { StringEqualsIfExists: { 'ec2:InstanceType': 't2.micro' } },
      { 'ec2:InstanceType': 't2.micro' },
      true,
    ],
    ['NumericLessThanIfExists absent', { NumericLessThanIfExists: { 's3:max-keys': '5' } }, {}, true],
    ['BoolIfExists absent', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, {}, true],
    ['IpAddressIfExists absent', { IpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/8' } }, {}, true],
    ['StringNotEqualsIfExists present equal', { StringNotEqualsIfExists: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' }, false],
  ]);
});

// "Set operators for multivalued context keys" (IAM User Guide: Multivalued context keys).
describe('ForAllValues / ForAnyValue', () => {
  table([
    [
      'ForAnyValue: one request value in the set',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
      { 'aws:TagKeys': ['cost', 'env'] },
      true,
    ],
    [
      'ForAnyValue: none in the set',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
      { 'aws:TagKeys': ['cost'] },
      false,
    ],
    ['ForAnyValue: absent key is false', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } }, {}, false],
    ['ForAnyValue: empty set is false', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': [] }, false],
    [
      'ForAllValues: every request value in the set',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
      { 'aws:TagKeys': ['team', 'env'] },
      true,
    ],
    [
      'ForAllValues: one value outside the set',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
      { 'aws:TagKeys': ['env', 'cost'] },
      false,
    ],
    ['ForAllValues: absent key is true', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } }, {}, true],
    ['ForAllValues: empty set is true', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': [] }, true],
    [
      'ForAllValues:StringLike',
      { 'ForAllValues:StringLike': { 'aws:TagKeys': ['team-*'] } },
      { 'aws:TagKeys': ['team-a', 'team-b'] },
      true,
    ],
    [
      'ForAnyValue:StringNotEquals: some value outside the set',
      { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['env'] } },
      { 'aws:TagKeys': ['env', 'x'] },
      true,
    ],
    [
      'ForAnyValue:StringNotEquals: all values in the set',
      { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['env'] } },
      { 'aws:TagKeys': ['env'] },
      false,
    ],
    [
      'ForAllValues:StringNotEquals: no value in the set',
      { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['env'] } },
      { 'aws:TagKeys': ['a', 'b'] },
      true,
    ],
    [
      'ForAllValues:StringNotEquals: one value in the set',
      { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['env'] } },
      { 'aws:TagKeys': ['a', 'env'] },
      false,
    ],
    [
      'No set operator on a multivalued key: any value matches',
      { StringEquals: { 'aws:TagKeys': 'env' } },
      { 'aws:TagKeys': ['a', 'env'] },
      true,
    ],
    ['No set operator, negated: no value may match', { StringNotEquals: { 'aws:TagKeys': 'env' } }, { 'aws:TagKeys': ['a', 'env'] }, false],
    ['ForAnyValue:StringEqualsIfExists absent', { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'env' } }, {}, true],
    ['Set operator names ignore case', { 'forallvalues:stringequals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': ['x'] }, false],
  ]);
});

// "IAM JSON policy elements: Condition" — several keys are ANDed, several operators are ANDed, values ORed.
describe('Condition block logic', () => {
  table([
    [
      'two keys both true',
      { StringEquals: { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue' } },
      { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue' },
      true,
    ],
    [
      'two keys, one false',
      { StringEquals: { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue' } },
      { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'red' },
      false,
    ],
    [
      'two operators ANDed',
      { StringEquals: { 'aws:username': 'alice' }, Bool: { 'aws:SecureTransport': 'true' } },
      { 'aws:username': 'alice', 'aws:SecureTransport': 'false' },
      false,
    ],
    [
      'tag keys in condition keys ignore case',
      { StringEquals: { 'aws:PrincipalTag/Team': 'blue' } },
      { 'aws:principaltag/team': 'blue' },
      true,
    ],
  ]);
});

// "IAM policy elements: Variables and tags".
describe('Policy variables in conditions', () => {
  table([
    [
      '${aws:username} substituted',
      { StringEquals: { 's3:prefix': 'home/${aws:username}' } },
      { 's3:prefix': 'home/alice', 'aws:username': 'alice' },
      true,
    ],
    [
      'variable with a different value',
      { StringEquals: { 's3:prefix': 'home/${aws:username}' } },
      { 's3:prefix': 'home/alice', 'aws:username': 'bob' },
      false,
    ],
    [
      '${aws:PrincipalTag/team} against a resource tag',
      { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
      { 'aws:ResourceTag/team': 'blue', 'aws:PrincipalTag/team': 'blue' },
      true,
    ],
    [
      'variable key names ignore case',
      { StringEquals: { 's3:prefix': '${AWS:UserName}' } },
      { 's3:prefix': 'alice', 'aws:username': 'alice' },
      true,
    ],
    [
      'missing variable without default: condition false',
      { StringEquals: { 's3:prefix': 'home/${aws:username}' } },
      { 's3:prefix': 'home/' },
      false,
    ],
    [
      'missing variable, negated operator: still false (statement invalid)',
      { StringNotEquals: { 's3:prefix': 'home/${aws:username}' } },
      { 's3:prefix': 'x' },
      false,
    ],
    [
      'missing variable, negated operator on an absent key: still false (statement invalid)',
      { StringNotEquals: { 'aws:PrincipalTag/team': '${aws:username}' } },
      {},
      false,
    ],
    [
      'missing variable, ...IfExists on an absent key: still false (statement invalid)',
      { StringEqualsIfExists: { 'aws:PrincipalTag/team': '${aws:username}' } },
      {},
      false,
    ],
    [
      'default value used when key missing',
      { StringEquals: { 's3:prefix': "home/${aws:username, 'guest'}" } },
      { 's3:prefix': 'home/guest' },
      true,
    ],
    [
      'default ignored when key present',
      { StringEquals: { 's3:prefix': "home/${aws:username, 'guest'}" } },
      { 's3:prefix': 'home/guest', 'aws:username': 'alice' },
      false,
    ],
    ['${*} is a literal star in StringLike', { StringLike: { 's3:prefix': 'a${*}' } }, { 's3:prefix': 'abc' }, false],
    ['${*} literal star matches a star', { StringLike: { 's3:prefix': 'a${*}' } }, { 's3:prefix': 'a*' }, true],
    ['${?} and ${$} literals', { StringEquals: { 's3:prefix': '${?}${$}' } }, { 's3:prefix': '?$' }, true],
    [
      'StringLike keeps written * as wildcard next to a variable',
      { StringLike: { 's3:prefix': '${aws:username}/*' } },
      { 's3:prefix': 'alice/x/y', 'aws:username': 'alice' },
      true,
    ],
    [
      'substituted value is literal in StringLike',
      { StringLike: { 's3:prefix': '${aws:username}' } },
      { 's3:prefix': 'alice', 'aws:username': 'a*' },
      false,
    ],
    [
      'multivalued key cannot be a variable',
      { StringEquals: { 's3:prefix': '${aws:TagKeys}' } },
      { 's3:prefix': 'a', 'aws:TagKeys': ['a', 'b'] },
      false,
    ],
    [
      'StringEqualsIgnoreCase with variable',
      { StringEqualsIgnoreCase: { 's3:prefix': '${aws:username}' } },
      { 's3:prefix': 'ALICE', 'aws:username': 'alice' },
      true,
    ],
    [
      'ArnLike with variable',
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/${aws:username}' } },
      { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:user/alice', 'aws:username': 'alice' },
      true,
    ],
    [
      'Numeric operators take no variables (compared literally, invalid)',
      { NumericEquals: { 's3:max-keys': '${aws:username}' } },
      { 's3:max-keys': '1', 'aws:username': '1' },
      false,
    ],
  ]);

  it('Version 2008-10-17 does not substitute variables (compared literally)', () => {
    const condition = { StringEquals: { 's3:prefix': 'home/${aws:username}' } };
    expect(conditionAllows(condition, { 's3:prefix': 'home/alice', 'aws:username': 'alice' }, '2008-10-17')).toBe(false);
    expect(conditionAllows(condition, { 's3:prefix': 'home/${aws:username}' }, '2008-10-17')).toBe(true);
  });
});

// Gatehouse rule (fail closed): unknown operators are never silently decided as a match in an Allow.
describe('Unknown operators', () => {
  table([
    ['unknown operator in Allow does not match', { StringEqualz: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' }, false],
    ['NullIfExists is not an operator', { NullIfExists: { 'aws:username': 'true' } }, {}, false],
    ['invalid Numeric policy value does not match', { NumericEquals: { 's3:max-keys': 'ten' } }, { 's3:max-keys': '10' }, false],
  ]);
});
