// IAM's MalformedPolicyDocument checks in AWS's order, with the messages AWS answered (recorded responses), and the accept list.
import { describe, expect, it } from 'vitest';
import { compilePolicy } from './parse';
import { INVALID_JSON, legacyDateValueOk, malformedPolicyMessage } from './malformed';
import type { PolicyType } from './types';

const V = '2012-10-17';
const BUCKET = 'arn:aws:s3:::example_bucket';
const doc = (statement: unknown, extra: Record<string, unknown> = { Version: V }) => JSON.stringify({ ...extra, Statement: statement });
const allow = (fields: Record<string, unknown>) => doc({ Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET, ...fields });
const withCondition = (condition: unknown) => allow({ Condition: condition });

const SYNTAX = 'Syntax errors in policy.';
const VERSION = 'Policy document must be version 2012-10-17 or greater.';
const LEGACY = 'The policy failed legacy parsing';
const SIDS = 'Statement IDs (SID) in a single policy must be unique.';
const ACTIONS = 'Policy statement must contain actions.';
const RESOURCES = 'Policy statement must contain resources.';
const VENDOR = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';

// [name, document, AWS's message]; identity policies (CreatePolicy, CreatePolicyVersion, Put*Policy).
const rejected: [string, string, string][] = [
  // 1. Syntax
  ['not JSON', 'This is not a json document', SYNTAX],
  [
    'Version 2013-10-17',
    JSON.stringify({ Version: '2013-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET } }),
    SYNTAX,
  ],
  ['no Statement', JSON.stringify({ Version: V }), SYNTAX],
  ['Statement of strings', doc(['afd']), SYNTAX],
  ['empty Statement list', doc([]), SYNTAX],
  [
    'unknown top-level element',
    JSON.stringify({ Version: V, Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET }, 'Extra field': 'value' }),
    SYNTAX,
  ],
  ['unknown statement element', allow({ 'Extra field': 'value' }), SYNTAX],
  ['Id not a string', doc({ Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET }, { Version: V, Id: ['x'] }), SYNTAX],
  ['Effect invalid', doc({ Effect: 'invalid', Action: 's3:ListBucket', Resource: BUCKET }), SYNTAX],
  ['no Effect', doc({ Action: 's3:ListBucket', Resource: BUCKET }), SYNTAX],
  ['Resource an object', allow({ Resource: { a: BUCKET } }), SYNTAX],
  ['Resource list with an object', doc({ Effect: 'Deny', Action: 's3:ListBucket', Resource: ['adfdf', {}] }), SYNTAX],
  ['Resource and NotResource', allow({ NotResource: [] }), SYNTAX],
  ['Action and NotAction', allow({ NotAction: 's3s:ListBucket', Action: [] }), SYNTAX],
  ['nested Action list', doc({ Effect: 'Deny', Action: [[]], Resource: BUCKET }), SYNTAX],
  ['Action an object', allow({ Action: {} }), SYNTAX],
  ['Condition a list', withCondition([]), SYNTAX],
  ['Condition a string', withCondition('a'), SYNTAX],
  ['Condition operator block a string', withCondition({ a: 'b' }), SYNTAX],
  ['Date operator block a string', withCondition({ DateGreaterThan: 'b' }), SYNTAX],
  ['Date operator block a list', withCondition({ DateGreaterThan: [] }), SYNTAX],
  ['{} as a condition value', withCondition({ DateGreaterThan: { a: {} } }), SYNTAX],
  ['{} as a condition value, no Action', doc({ Effect: 'Allow', Resource: BUCKET, Condition: { DateGreaterThan: { a: {} } } }), SYNTAX],
  ['unknown operator with content', withCondition({ x: { a: '1' } }), SYNTAX],
  ['double colon in a set operator', withCondition({ 'ForAnyValue::StringEqualsIfExists': { a: 'asf' } }), SYNTAX],
  ['Sid an object', allow({ Sid: {} }), SYNTAX],
  ['Sid a list', allow({ Sid: [] }), SYNTAX],
  // Security issue 10: condition values the evaluator cannot read are refused, not stored and ignored.
  ['null condition value', withCondition({ StringEquals: { 'aws:username': null } }), SYNTAX],
  ['object condition value', withCondition({ StringEquals: { 'aws:username': { a: 1 } } }), SYNTAX],
  ['nested list condition value', withCondition({ StringEquals: { 'aws:username': [['x']] } }), SYNTAX],
  // 2. Version
  ['no Version', JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET } }), VERSION],
  ['Version 2008-10-17', doc({ Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET }, { Version: '2008-10-17' }), VERSION],
  [
    'no Version before duplicate Sids',
    JSON.stringify({
      Statement: [
        { Sid: 'sdf', Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET },
        { Sid: 'sdf', Effect: 'Allow' },
      ],
    }),
    VERSION,
  ],
  [
    'no Version before an invalid date',
    JSON.stringify({
      Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET, Condition: { DateGreaterThan: { a: 'sdfdsf' } } },
    }),
    VERSION,
  ],
  [
    'no Version before a wrong-case Effect',
    JSON.stringify({ Statement: { Effect: 'denY', Action: 's3:ListBucket', Resource: BUCKET } }),
    VERSION,
  ],
  // 3. Legacy parsing
  ['Effect denY', doc({ Effect: 'denY', Action: 's3:ListBucket', Resource: BUCKET }), LEGACY],
  ['Effect allow (no Action)', doc({ Effect: 'allow', Resource: 'arn:aws:s3:us-east-1::example_bucket' }), LEGACY],
  [
    'Effect aLLow before duplicate Sids',
    doc([
      { Sid: 'sdf', Effect: 'aLLow', Action: 's3:ListBucket', Resource: BUCKET },
      { Sid: 'sdf', Effect: 'Allow' },
    ]),
    LEGACY,
  ],
  ['date sdfdsf', withCondition({ DateGreaterThan: { a: 'sdfdsf' } }), LEGACY],
  ['date under a vendor-prefixed key', withCondition({ DateGreaterThan: { 'aws:CurrentTime': 'sdfdsf' } }), LEGACY],
  ['date sdfdsf without Action', doc({ Effect: 'Allow', Condition: { DateGreaterThan: { a: 'sdfdsf' } } }), LEGACY],
  ['date 234-13', withCondition({ DateLessThanEquals: { a: '234-13' } }), LEGACY],
  ['date with a one-digit zone', withCondition({ DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+1' } }), LEGACY],
  ['date with ten fraction digits', withCondition({ DateLessThanEquals: { a: '2016-12-13t2:00:00.1999999999+10:59' } }), LEGACY],
  ['epoch 2^63', withCondition({ DateLessThan: { a: '9223372036854775808' } }), LEGACY],
  [
    'invalid date before an invalid partition',
    doc({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:error:s3:::example_bucket',
      Condition: { DateGreaterThan: { a: 'sdfdsf' } },
    }),
    LEGACY,
  ],
  ['resource with :: and 4 colons', allow({ Resource: 'arn:aws:s3::example_bucket' }), LEGACY],
  ['resource with :: and 4 colons, no Action', doc({ Effect: 'Allow', Resource: 'arn:aws:s3::example_bucket' }), LEGACY],
  [
    'NotResource with :: and 4 colons',
    doc({ Effect: 'Allow', Action: 's3:ListBucket', NotResource: 'arn:aws:s3::example_bucket' }),
    LEGACY,
  ],
  ['resource with an empty service', doc({ Effect: 'Allow', NotAction: 's3:ListBucket', Resource: 'arn:aws::::example_bucket' }), LEGACY],
  ['resource arn:aws::fdsasf', allow({ Resource: 'arn:aws::fdsasf' }), LEGACY],
  // 4. Sid uniqueness
  [
    'duplicate Sids',
    doc([
      { Sid: 'sdf', Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET },
      { Sid: 'sdf', Effect: 'Allow' },
    ]),
    SIDS,
  ],
  // 5. Actions present
  ['no Action', doc({ Effect: 'Allow', Resource: BUCKET }), ACTIONS],
  ['only Effect', doc({ Effect: 'Allow' }), ACTIONS],
  ['Action []', allow({ Action: [] }), ACTIONS],
  [
    'a statement without Action before a valid one',
    doc([{ Effect: 'Deny' }, { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET }]),
    ACTIONS,
  ],
  // 7. Resources present (before the resource format and the action checks)
  ['no Resource', doc({ Effect: 'Allow', Action: 's3:ListBucket' }), RESOURCES],
  ['Resource []', allow({ Resource: [] }), RESOURCES],
  ['no Resource, action without vendor', doc({ Effect: 'Allow', Action: 'invalid' }), RESOURCES],
  // 6. Resource format (before any action error)
  ['resource not an ARN', allow({ Resource: 'invalid resource' }), 'Resource invalid resource must be in ARN format or "*".'],
  [
    'resource not an ARN before an action with two colons',
    doc({ Effect: 'Allow', Action: 's:3:ListBucket', Resource: 'sdfsadf' }),
    'Resource sdfsadf must be in ARN format or "*".',
  ],
  ['resource list not an ARN', allow({ Resource: ['adf'] }), 'Resource adf must be in ARN format or "*".'],
  ['empty resource', allow({ Resource: '' }), 'Resource  must be in ARN format or "*".'],
  [
    'partition padded',
    doc({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:bsdfdsafsad' }),
    'Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".',
  ],
  [
    'partition b',
    doc({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:b:cadfsdf' }),
    'Partition "b" is not valid for resource "arn:b:cadfsdf:*:*:*".',
  ],
  [
    'partition b, long',
    doc({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:b:c:d:e:f:g:h' }),
    'Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".',
  ],
  [
    'missing arn prefix',
    allow({ Resource: 'aws:s3:::example_bucket' }),
    'Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".',
  ],
  [
    'two bad partitions: the last in descending order',
    allow({ Resource: ['arn:error:s3:::example_bucket', 'arn:error:s3::example_bucket'] }),
    'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".',
  ],
  ['arn:aws', allow({ Resource: 'arn:aws' }), 'Resource vendor must be fully qualified and cannot contain regexes.'],
  [
    'IAM resource with a region',
    allow({ Resource: 'arn:aws:iam:us-east-1::example_bucket' }),
    'IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.',
  ],
  [
    'S3 resource with a region',
    allow({ Resource: 'arn:aws:s3:us-east-1::example_bucket' }),
    'Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.',
  ],
  [
    'IAM resource of no IAM type',
    allow({ Resource: 'arn:aws:iam:::example_bucket' }),
    'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
  ],
  // 8. Actions
  ['action without vendor', allow({ Action: 'invalid' }), VENDOR],
  ['empty NotAction', doc({ Effect: 'Allow', NotAction: '', Resource: BUCKET }), VENDOR],
  ['vendor with a space', allow({ Action: 'a a:ListBucket' }), 'Vendor a a is not valid'],
  ['two colons', allow({ Action: 's3:List:Bucket' }), 'Actions/Condition can contain only one colon.'],
  [
    'two colons in a later statement',
    doc([
      { Effect: 'Allow', Action: 's3s:ListBucket', Resource: BUCKET },
      { Effect: 'Allow', Action: 's:3s:ListBucket', Resource: BUCKET },
    ]),
    'Actions/Condition can contain only one colon.',
  ],
];

// Documents AWS accepts (Gatehouse used to be stricter on some).
const accepted: [string, string][] = [
  ['condition key without vendor', withCondition({ StringEquals: { a: 'x' } })],
  ['empty value list', withCondition({ StringEquals: { a: [] } })],
  ['empty value list under a Date operator', withCondition({ DateGreaterThan: { a: [] } })],
  ['empty Date operator block', withCondition({ DateGreaterThan: {} })],
  ['unknown operator with an empty block', withCondition({ a: {} })],
  ['two unknown operators with empty blocks', withCondition({ x: {}, y: {} })],
  ['empty Condition', withCondition({})],
  ['text after the single colon', allow({ Action: 'iam: asdf safdsf af ' })],
  ['any action name', doc({ Effect: 'Allow', Action: 'service-prefix:action-name', Resource: '*' })],
  ['dots in the vendor', allow({ Action: 's3.s:ListBucket' })],
  ['hyphen in the vendor', allow({ Action: 's3-s:ListBucket' })],
  ['unknown service', allow({ Action: 'fsx:ListBucket' })],
  ['"*" action', allow({ Action: '*' })],
  ['five-part ARN', allow({ Resource: 'arn:aws:fdsasf' })],
  ['encoded colons', allow({ Resource: 'arn:aws:test%3Aencoded%3Astring' })],
  ['IAM user ARN without account', allow({ Resource: 'arn:aws:iam:::user/example_bucket' })],
  ['IAM wildcard ARN', allow({ Resource: 'arn:aws:iam::*:*' })],
  ['IAM variable ARN', allow({ Resource: 'arn:aws:iam::*:user/${aws:username}' })],
  ['unknown service resource', allow({ Resource: 'arn:aws:s33:::example_bucket' })],
  ['regional resource of another service', allow({ Resource: 'arn:aws:ec2:us-east-1::example_bucket' })],
  ['S3 access point with a region', allow({ Resource: 'arn:aws:s3:us-east-1:123456789012:accesspoint/ap' })],
  ['S3 batch job with a region and account', allow({ Resource: 'arn:aws:s3:us-east-1:123456789012:job/*' })],
  ['IAM account root', allow({ Resource: 'arn:aws:iam::123456789012:root' })],
  ['"*" among resources', allow({ Resource: [BUCKET, '*'] })],
  ['NotAction with NotResource "*"', doc({ Effect: 'Allow', NotAction: 's3:ListBucket', NotResource: '*' })],
  [
    'Sid once, another statement without Sid',
    doc([
      { Sid: 'sdf', Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET },
    ]),
  ],
  ['ISO date', withCondition({ DateLessThanEquals: { a: '2019-07-01T13:20:15Z' } })],
  ['ISO date with offset', withCondition({ DateLessThanEquals: { a: '2016-12-13T21:20:37.593194+00:00' } })],
  ['lenient ISO date', withCondition({ DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+23' } })],
  ['negative year', withCondition({ DateLessThan: { a: '-292275054' } })],
  ['year only with T', withCondition({ DateGreaterThan: { a: '01T' } })],
  ['epoch seconds', withCondition({ DateGreaterThan: { 'aws:CurrentTime': '1700000000' } })],
  ['IfExists with a set operator', withCondition({ 'ForAnyValue:StringEqualsIfExists': { a: 'asf' } })],
  ['two spellings of one condition key', withCondition({ StringEquals: { 'aws:username': 'a', 'AWS:UserName': 'a' } })],
  ['unquoted boolean and number', withCondition({ Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 's3:max-keys': 10 } })],
];

describe('malformedPolicyMessage: AWS order and messages (identity policies)', () => {
  it.each(rejected)('%s', (_name, text, message) => {
    expect(malformedPolicyMessage(text, 'identity')).toBe(message);
  });
});

describe('malformedPolicyMessage: what AWS accepts is accepted, and compiles', () => {
  it.each(accepted)('%s', (_name, text) => {
    expect(malformedPolicyMessage(text, 'identity')).toBeUndefined();
    expect(() => compilePolicy(text, { policyType: 'identity' })).not.toThrow();
  });
});

describe('malformedPolicyMessage by policy type', () => {
  const trust = (statement: unknown, version: string | undefined = V) =>
    JSON.stringify(version ? { Version: version, Statement: statement } : { Statement: statement });
  const cases: [string, string, PolicyType, string | undefined][] = [
    ['trust policy not JSON', '{"Version": "2012-10-17", "Statement": [', 'trust', INVALID_JSON],
    ['trust policy of plain text', 'not json', 'trust', INVALID_JSON],
    [
      'trust policy 2008-10-17 is fine',
      trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }, '2008-10-17'),
      'trust',
      undefined,
    ],
    [
      'trust policy without Version is fine',
      trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }, undefined),
      'trust',
      undefined,
    ],
    [
      'trust policy with a null condition value',
      trust({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:username': null } } }),
      'trust',
      SYNTAX,
    ],
    [
      'trust policy with [["x"]]',
      trust({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:username': [['x']] } } }),
      'trust',
      SYNTAX,
    ],
    ['trust policy without Principal', trust({ Effect: 'Allow', Action: 'sts:AssumeRole' }), 'trust', 'Missing required field Principal'],
    [
      'trust policy with Resource',
      trust({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole', Resource: '*' }),
      'trust',
      'Has prohibited field Resource',
    ],
    [
      'trust policy with a non-STS action',
      trust({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 's3:GetObject' }),
      'trust',
      'AssumeRole policy may only specify STS AssumeRole actions.',
    ],
    ['identity policy naming a principal', allow({ Principal: '*' }), 'identity', 'Policy document should not specify a principal.'],
    [
      'session policy without Version is fine',
      JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } }),
      'session',
      undefined,
    ],
  ];
  it.each(cases)('%s', (_name, text, policyType, message) => {
    expect(malformedPolicyMessage(text, policyType)).toBe(message);
  });
});

describe('legacyDateValueOk', () => {
  it.each([
    ['2016-12-13T21:20:37Z', true],
    ['0', true],
    ['9223372036854775807', true],
    ['9223372036854775808', false],
    ['1.5', false],
    ['sdfdsf', false],
    ['2016-13-01', false],
    ['2016-12-32', false],
    ['2016-12-13t24:00', false],
  ])('%s → %s', (value, ok) => {
    expect(legacyDateValueOk(value)).toBe(ok);
  });
});
