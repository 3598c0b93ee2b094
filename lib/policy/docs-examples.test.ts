// Cross-checks against example policies from AWS's IAM User Guide; each case names the page it comes from.

import { describe, expect, it } from 'vitest';
import { authorize, explain } from './evaluate';
import { policy, request } from './builders.fixtures';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';

describe('IAM User Guide: "AWS: Denies access to AWS based on the source IP"', () => {
  const p = () =>
    policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] }, Bool: { 'aws:ViaAWSService': 'false' } },
      },
    ]);
  it.each([
    ['outside the ranges, direct call', { 'aws:SourceIp': '198.51.100.1', 'aws:ViaAWSService': 'false' }, 'explicitDeny'],
    ['inside a range', { 'aws:SourceIp': '192.0.2.10', 'aws:ViaAWSService': 'false' }, 'allowed'],
    ['outside, but a service calls on the user’s behalf', { 'aws:SourceIp': '198.51.100.1', 'aws:ViaAWSService': 'true' }, 'allowed'],
  ])('%s', (_name, context, expected) => {
    expect(authorize(request({ context }), { identity: [p()] })).toBe(expected);
  });
});

describe('IAM User Guide: "AWS: Allows access based on date and time"', () => {
  const p = () =>
    policy({
      Effect: 'Allow',
      Action: 'service-prefix:action-name',
      Resource: '*',
      Condition: {
        DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' },
        DateLessThan: { 'aws:CurrentTime': '2020-06-30T23:59:59Z' },
      },
    });
  it.each([
    ['2020-05-15T12:00:00Z', 'allowed'],
    ['2020-07-01T00:00:00Z', 'implicitDeny'],
    ['2020-03-31T23:59:59Z', 'implicitDeny'],
  ])('at %s', (time, expected) => {
    expect(authorize(request({ action: 'service-prefix:action-name', context: { 'aws:CurrentTime': time } }), { identity: [p()] })).toBe(
      expected,
    );
  });
});

describe('IAM User Guide: "AWS: Denies access to AWS based on the requested Region"', () => {
  const p = () =>
    policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Sid: 'DenyAllOutsideRequestedRegions',
        Effect: 'Deny',
        NotAction: ['cloudfront:*', 'iam:*', 'route53:*', 'support:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } },
      },
    ]);
  it.each([
    ['ec2 in eu-west-1', 'ec2:RunInstances', 'eu-west-1', 'allowed'],
    ['ec2 in us-east-1', 'ec2:RunInstances', 'us-east-1', 'explicitDeny'],
    ['iam (global) from us-east-1', 'iam:CreateUser', 'us-east-1', 'allowed'],
  ])('%s', (_name, action, region, expected) => {
    expect(authorize(request({ action, context: { 'aws:RequestedRegion': region } }), { identity: [p()] })).toBe(expected);
  });
});

describe('IAM User Guide: "IAM: Allows IAM users to manage their own credentials" (policy variables)', () => {
  const p = () =>
    policy({
      Sid: 'AllowManageOwnAccessKeys',
      Effect: 'Allow',
      Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys', 'iam:UpdateAccessKey'],
      Resource: 'arn:aws:iam::*:user/${aws:username}',
    });
  it('a user manages its own keys, not another user’s', () => {
    const own = request({
      action: 'iam:CreateAccessKey',
      resource: `arn:aws:iam::${ACCOUNT}:user/alice`,
      context: { 'aws:username': 'alice' },
    });
    const other = request({
      action: 'iam:CreateAccessKey',
      resource: `arn:aws:iam::${ACCOUNT}:user/bob`,
      context: { 'aws:username': 'alice' },
    });
    expect(authorize(own, { identity: [p()] })).toBe('allowed');
    expect(authorize(other, { identity: [p()] })).toBe('implicitDeny');
  });
});

describe('IAM User Guide: "AWS: Allows access based on MFA" (BoolIfExists in a Deny)', () => {
  const p = () =>
    policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Sid: 'DenyWithoutMFA',
        Effect: 'Deny',
        NotAction: ['iam:ChangePassword', 'sts:GetSessionToken'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ]);
  it.each([
    ['long-term keys (key absent) are denied', {}, 'explicitDeny'],
    ['temporary credentials without MFA are denied', { 'aws:MultiFactorAuthPresent': 'false' }, 'explicitDeny'],
    ['with MFA', { 'aws:MultiFactorAuthPresent': 'true' }, 'allowed'],
  ])('%s', (_name, context, expected) => {
    expect(authorize(request({ action: 'ec2:DescribeInstances', context }), { identity: [p()] })).toBe(expected);
  });
});

describe('IAM User Guide: "IAM policy elements: Variables and tags" — default values', () => {
  const p = () =>
    policy({
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: ["arn:aws:s3:::amzn-s3-demo-bucket/${aws:PrincipalTag/team, 'company-wide'}/*"],
    });
  it.each([
    ['tagged principal writes to its team folder', { 'aws:PrincipalTag/team': 'red' }, 'arn:aws:s3:::amzn-s3-demo-bucket/red/x', 'allowed'],
    ['untagged principal writes to company-wide', {}, 'arn:aws:s3:::amzn-s3-demo-bucket/company-wide/x', 'allowed'],
    ['untagged principal cannot write to a team folder', {}, 'arn:aws:s3:::amzn-s3-demo-bucket/red/x', 'implicitDeny'],
  ])('%s', (_name, context, resource, expected) => {
    expect(authorize(request({ action: 's3:PutObject', resource, context }), { identity: [p()] })).toBe(expected);
  });
});

describe('IAM User Guide: "Amazon S3: Allows IAM users access to their S3 home directory"', () => {
  const p = () =>
    policy([
      {
        Sid: 'AllowListingOfUserFolder',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::bucket-name',
        Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } },
      },
      {
        Sid: 'AllowAllS3ActionsInUserFolder',
        Effect: 'Allow',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::bucket-name/home/${aws:username}/*',
      },
    ]);
  it.each([
    ['list the root', 's3:ListBucket', 'arn:aws:s3:::bucket-name', { 's3:prefix': '' }, 'allowed'],
    ['list own folder', 's3:ListBucket', 'arn:aws:s3:::bucket-name', { 's3:prefix': 'home/alice/docs' }, 'allowed'],
    ['list someone else’s folder', 's3:ListBucket', 'arn:aws:s3:::bucket-name', { 's3:prefix': 'home/bob/' }, 'implicitDeny'],
    ['read own object', 's3:GetObject', 'arn:aws:s3:::bucket-name/home/alice/a.txt', {}, 'allowed'],
    ['read another’s object', 's3:GetObject', 'arn:aws:s3:::bucket-name/home/bob/a.txt', {}, 'implicitDeny'],
  ])('%s', (_name, action, resource, context, expected) => {
    expect(authorize(request({ action, resource, context: { 'aws:username': 'alice', ...context } }), { identity: [p()] })).toBe(expected);
  });
});

describe('IAM User Guide: "Set operators for multivalued context keys" (aws:TagKeys)', () => {
  const forAll = () =>
    policy({
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: '*',
      Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } },
    });
  const forAny = () =>
    policy({
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } },
    });
  it.each([
    ['ForAllValues: subset', forAll, ['environment'], 'allowed'],
    ['ForAllValues: an extra key', forAll, ['environment', 'owner'], 'implicitDeny'],
    ['ForAllValues: no tags at all also matches (hence the Null check AWS recommends)', forAll, undefined, 'allowed'],
    ['ForAnyValue: one listed key', forAny, ['owner', 'cost-center'], 'allowed'],
    ['ForAnyValue: no listed key', forAny, ['owner'], 'implicitDeny'],
    ['ForAnyValue: no tags', forAny, undefined, 'implicitDeny'],
  ])('%s', (_name, make, tagKeys, expected) => {
    expect(
      authorize(request({ action: 'ec2:CreateTags', resource: '*', context: { 'aws:TagKeys': tagKeys } }), { identity: [make()] }),
    ).toBe(expected);
  });
});

describe('IAM User Guide: "Cross-account policy evaluation logic"', () => {
  const bucketPolicy = () =>
    policy({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::shared-bucket/*',
    });
  const carol = { arn: `arn:aws:iam::${OTHER}:user/carol`, accountId: OTHER };
  const req = request({
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::shared-bucket/report.csv',
    principal: carol,
    resourceAccount: ACCOUNT,
  });
  it('the trusting account grants to the trusted account; the trusted account must delegate to its user', () => {
    expect(authorize(req, { identity: [], resource: [bucketPolicy()] })).toBe('implicitDeny');
    const userPolicy = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-bucket/*' });
    expect(authorize(req, { identity: [userPolicy], resource: [bucketPolicy()] })).toBe('allowed');
    const e = explain(req, { identity: [userPolicy], resource: [bucketPolicy()] });
    expect(e.crossAccount).toBe(true);
    expect(e.decidingStatements.map((s) => s.role)).toEqual(['identity', 'resource']);
  });
});

describe('IAM User Guide: "Policy evaluation logic" — permissions boundary example', () => {
  // The boundary allows only S3, CloudWatch and EC2; the identity policy allows iam:CreateUser; the effective permission is none.
  const boundary = () => policy({ Effect: 'Allow', Action: ['s3:*', 'cloudwatch:*', 'ec2:*'], Resource: '*' });
  const identity = () => policy({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' });
  it('an action allowed by the identity policy but not by the boundary is implicitly denied', () => {
    expect(authorize(request({ action: 'iam:CreateUser', resource: '*' }), { identity: [identity()], boundary: [boundary()] })).toBe(
      'implicitDeny',
    );
    expect(authorize(request({ action: 's3:GetObject', resource: '*' }), { identity: [identity()], boundary: [boundary()] })).toBe(
      'implicitDeny',
    );
    const both = policy({ Effect: 'Allow', Action: ['iam:CreateUser', 's3:GetObject'], Resource: '*' });
    expect(authorize(request({ action: 's3:GetObject', resource: '*' }), { identity: [both], boundary: [boundary()] })).toBe('allowed');
  });
});
