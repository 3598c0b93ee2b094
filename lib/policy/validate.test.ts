// Validation findings (Access Analyzer categories) and the MalformedPolicyDocument messages IAM returns.

import { describe, expect, it } from 'vitest';
import { createStaticCatalog, validatePolicy } from './validate';
import { malformedPolicyMessage } from './malformed';
import { referencedContextKeys } from './context-keys';
import { policy } from './builders.fixtures';
import type { PolicyType } from './types';

const doc = (statement: object | object[], version: string | null = '2012-10-17') =>
  JSON.stringify(version === null ? { Statement: statement } : { Version: version, Statement: statement }, null, 2);
const codes = (text: string, policyType: PolicyType = 'identity', catalog?: ReturnType<typeof createStaticCatalog>) =>
  validatePolicy(text, { policyType, catalog }).map((f) => `${f.severity}:${f.code}`);

const catalog = createStaticCatalog({
  iam: {
    GetUser: { resourceTypes: ['user'], conditionKeys: ['aws:ResourceTag/${TagKey}'] },
    PassRole: { resourceTypes: ['role'], conditionKeys: ['iam:PassedToService', 'iam:AssociatedResourceArn'] },
    ListUsers: {},
  },
  s3: { GetObject: { resourceTypes: ['object'], conditionKeys: ['s3:ExistingObjectTag/<key>', 's3:prefix'] } },
});

describe('validatePolicy', () => {
  it('a clean identity policy has no findings', () => {
    expect(
      validatePolicy(doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::123456789012:user/alice' }), { catalog }),
    ).toEqual([]);
  });

  it('positions findings in the text', () => {
    const text = doc({ Effect: 'Allow', Action: ['iam:GetUser', 'bogus'], Resource: '*' });
    const finding = validatePolicy(text).find((f) => f.code === 'INVALID_ACTION')!;
    expect(text.slice(finding.range!.start.offset, finding.range!.end.offset)).toBe('"bogus"');
    expect(finding.path).toEqual(['Statement', 'Action', 1]);
  });

  // Access Analyzer "security warning" checks.
  it('flags Allow with NotAction / NotResource, iam:PassRole on *, full admin', () => {
    expect(codes(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }))).toContain('security_warning:ALLOW_WITH_NOT_ACTION');
    expect(codes(doc({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::x' }))).toContain(
      'security_warning:ALLOW_WITH_NOT_RESOURCE',
    );
    expect(codes(doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }))).toContain(
      'security_warning:PASS_ROLE_WITH_STAR_IN_RESOURCE',
    );
    expect(codes(doc({ Effect: 'Allow', Action: '*', Resource: '*' }))).toContain('security_warning:FULL_ADMIN_ACCESS');
    expect(codes(doc({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }))).not.toContain('security_warning:ALLOW_WITH_NOT_ACTION');
  });

  it('checks actions and condition keys against the catalogue', () => {
    expect(codes(doc({ Effect: 'Allow', Action: 'iam:GetUsr', Resource: '*' }), 'identity', catalog)).toContain('error:UNKNOWN_ACTION');
    expect(codes(doc({ Effect: 'Allow', Action: 'foo:GetUser', Resource: '*' }), 'identity', catalog)).toContain('error:UNKNOWN_SERVICE');
    expect(codes(doc({ Effect: 'Allow', Action: 'iam:Zap*', Resource: '*' }), 'identity', catalog)).toContain('error:UNKNOWN_ACTION');
    expect(codes(doc({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }), 'identity', catalog)).toEqual([]);
    const keyCheck = (key: string, action = 'iam:PassRole') =>
      codes(
        doc({ Effect: 'Allow', Action: action, Resource: 'arn:aws:iam::123456789012:role/r', Condition: { StringEquals: { [key]: 'x' } } }),
        'identity',
        catalog,
      );
    expect(keyCheck('iam:PassedToService')).toEqual([]);
    expect(keyCheck('s3:prefix')).toContain('warning:CONDITION_KEY_NOT_VALID_FOR_ACTION');
    expect(keyCheck('s3:ExistingObjectTag/team', 's3:GetObject')).toEqual([]);
  });

  it('checks conditions: unknown operator, invalid values, set operators, global keys', () => {
    const withCondition = (condition: object, effect = 'Allow') =>
      codes(doc({ Effect: effect, Action: 's3:GetObject', Resource: '*', Condition: condition }));
    expect(withCondition({ StringEqualz: { 'aws:username': 'a' } })).toContain('error:UNKNOWN_OPERATOR');
    expect(withCondition({ NumericLessThan: { 's3:max-keys': 'ten' } })).toContain('error:INVALID_CONDITION_VALUE');
    expect(withCondition({ DateLessThan: { 'aws:CurrentTime': 'tomorrow' } })).toContain('error:INVALID_CONDITION_VALUE');
    expect(withCondition({ IpAddress: { 'aws:SourceIp': '300.1.1.1/8' } })).toContain('error:INVALID_CONDITION_VALUE');
    expect(withCondition({ Bool: { 'aws:SecureTransport': 'yes' } })).toContain('error:INVALID_CONDITION_VALUE');
    expect(withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } })).toContain(
      'security_warning:FOR_ALL_VALUES_WITH_ALLOW',
    );
    expect(withCondition({ 'ForAnyValue:StringEquals': { 'aws:username': ['a'] } })).toContain('warning:SET_OPERATOR_ON_SINGLE_VALUED_KEY');
    expect(withCondition({ StringEquals: { 'aws:usrname': 'a' } })).toContain('warning:UNKNOWN_GLOBAL_CONDITION_KEY');
    expect(withCondition({ StringEquals: { 'aws:PrincipalTag/team': 'a' } })).toEqual([]);
  });

  it('checks the policy type: Principal in identity policies, missing Principal in resource policies, trust policy shape', () => {
    const withPrincipal = doc({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 's3:GetObject', Resource: '*' });
    expect(codes(withPrincipal, 'identity')).toContain('error:PRINCIPAL_NOT_ALLOWED');
    expect(codes(withPrincipal, 'resource')).not.toContain('error:PRINCIPAL_NOT_ALLOWED');
    expect(codes(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), 'resource')).toContain('error:MISSING_PRINCIPAL');
    const trust = doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(codes(trust, 'trust')).toEqual([]);
    expect(
      codes(doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }), 'trust'),
    ).toContain('error:RESOURCE_NOT_ALLOWED');
    expect(codes(doc({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 's3:GetObject' }), 'trust')).toContain(
      'error:INVALID_TRUST_ACTION',
    );
    expect(
      codes(doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user/*' }, Action: 'sts:AssumeRole' }), 'trust'),
    ).toContain('error:INVALID_PRINCIPAL');
    expect(codes(doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }), 'resource')).toContain(
      'security_warning:PUBLIC_ACCESS',
    );
  });

  it('checks ARNs, Sids, versions and variables', () => {
    expect(codes(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'bucket/key' }))).toContain('error:INVALID_ARN');
    expect(codes(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws1:s3:::b' }))).toContain('error:INVALID_ARN');
    expect(
      codes(
        doc([
          { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
          { Sid: 'A', Effect: 'Deny', Action: 's3:GetObject', Resource: '*' },
        ]),
      ),
    ).toContain('error:DUPLICATE_SID');
    expect(codes(doc({ Sid: 'has space', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }))).toContain('error:INVALID_SID');
    expect(codes(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, null))).toContain('warning:MISSING_VERSION');
    expect(codes(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' }, '2008-10-17'))).toContain(
      'warning:POLICY_VARIABLE_IN_LEGACY_VERSION',
    );
    expect(codes(doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:getobject'], Resource: '*' }))).toContain(
      'suggestion:REDUNDANT_ACTION',
    );
  });

  it('rejects characters outside what IAM accepts', () => {
    expect(codes(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/\u4e2d' }))).toContain('error:INVALID_CHARACTER');
  });
});

// IAM API reference: MalformedPolicyDocument ("The request was rejected because the policy document was malformed").
describe('malformedPolicyMessage', () => {
  it.each<[string, string, PolicyType, string | undefined]>([
    ['valid identity policy', doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }), 'identity', undefined],
    ['unknown action is accepted by IAM', doc({ Effect: 'Allow', Action: 'iam:NoSuchThing', Resource: '*' }), 'identity', undefined],
    ['syntax error', '{"Version": "2012-10-17",', 'identity', 'Syntax errors in policy.'],
    ['missing Effect', doc({ Action: 'iam:GetUser', Resource: '*' }), 'identity', 'Syntax errors in policy.'],
    ['unknown element', doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*', Foo: 'x' }), 'identity', 'Syntax errors in policy.'],
    ['bad Version', doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }, '2012-10-18'), 'identity', 'Syntax errors in policy.'],
    [
      'Principal in identity policy',
      doc({ Effect: 'Allow', Principal: '*', Action: 'iam:GetUser', Resource: '*' }),
      'identity',
      'Policy document should not specify a principal.',
    ],
    ['missing Principal in trust policy', doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }), 'trust', 'Missing required field Principal'],
    [
      'Resource in trust policy',
      doc({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole', Resource: '*' }),
      'trust',
      'Has prohibited field Resource',
    ],
    [
      'non-STS action in trust policy',
      doc({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 's3:GetObject' }),
      'trust',
      'AssumeRole policy may only specify STS AssumeRole actions.',
    ],
    ['missing Resource', doc({ Effect: 'Allow', Action: 'iam:GetUser' }), 'identity', 'Policy statement must contain resources.'],
    ['missing Action', doc({ Effect: 'Allow', Resource: '*' }), 'identity', 'Policy statement must contain actions.'],
    [
      'action without vendor',
      doc({ Effect: 'Allow', Action: 'GetUser', Resource: '*' }),
      'identity',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ],
    [
      'resource not an ARN',
      doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'user/alice' }),
      'identity',
      'Resource user/alice must be in ARN format or "*".',
    ],
    [
      'duplicate Sid',
      doc([
        { Sid: 'A', Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' },
        { Sid: 'A', Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' },
      ]),
      'identity',
      'Statement IDs (SID) in a single policy must be unique.',
    ],
    [
      'invalid principal',
      doc({ Effect: 'Allow', Principal: { AWS: 'alice' }, Action: 'sts:AssumeRole' }),
      'trust',
      'Invalid principal in policy: "AWS":"alice"',
    ],
  ])('%s', (_name, text, policyType, expected) => {
    expect(malformedPolicyMessage(text, policyType)).toBe(expected);
  });
});

describe('referencedContextKeys', () => {
  it('lists condition keys and variable keys once, ignoring case', () => {
    const p = policy([
      {
        Effect: 'Allow',
        Action: '*',
        Resource: 'arn:aws:s3:::b/${aws:username}/*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': '${aws:ResourceTag/team}' } },
      },
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' }, StringLike: { 'AWS:USERNAME': 'x*' } },
      },
    ]);
    expect(referencedContextKeys([p])).toEqual([
      'aws:username',
      'aws:PrincipalTag/team',
      'aws:ResourceTag/team',
      'aws:MultiFactorAuthPresent',
    ]);
  });
});
