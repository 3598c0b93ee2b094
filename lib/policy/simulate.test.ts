// Simulation helpers answer in the shape of IAM's SimulatePrincipalPolicy / SimulateCustomPolicy (IAM API reference: EvaluationResult).

import { describe, expect, it } from 'vitest';
import { PolicyParseError } from './parse';
import { contextFromEntries, simulatePolicies } from './simulate';

const ACCOUNT = '123456789012';
const USER_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadAll",
      "Effect": "Allow",
      "Action": "s3:Get*",
      "Resource": "*"
    },
    {
      "Sid": "NoSecrets",
      "Effect": "Deny",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::secret/*",
      "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "false" } }
    }
  ]
}`;

describe('simulatePolicies', () => {
  it('returns one result per action × resource with deciding statements and positions', () => {
    const { results } = simulatePolicies({
      policies: [{ policyId: 'ReadPolicy', policyType: 'user', text: USER_POLICY }],
      actionNames: ['s3:GetObject', 's3:PutObject'],
      resourceArns: ['arn:aws:s3:::secret/a', 'arn:aws:s3:::public/a'],
      contextEntries: [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyValues: ['false'], ContextKeyType: 'boolean' }],
      callerArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    });
    expect(results.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'arn:aws:s3:::secret/a', 'explicitDeny'],
      ['s3:GetObject', 'arn:aws:s3:::public/a', 'allowed'],
      ['s3:PutObject', 'arn:aws:s3:::secret/a', 'implicitDeny'],
      ['s3:PutObject', 'arn:aws:s3:::public/a', 'implicitDeny'],
    ]);
    // Only the deny statement is listed for an explicit deny.
    expect(results[0].MatchedStatements).toEqual([
      {
        SourcePolicyId: 'ReadPolicy',
        SourcePolicyType: 'user',
        StartPosition: { Line: 10, Column: 5 },
        EndPosition: { Line: 16, Column: 6 },
      },
    ]);
    expect(results[1].MatchedStatements[0].StartPosition).toEqual({ Line: 4, Column: 5 });
    expect(results[2].MatchedStatements).toEqual([]);
    expect(results[0].ResourceSpecificResults).toEqual([
      expect.objectContaining({ EvalResourceName: 'arn:aws:s3:::secret/a', EvalResourceDecision: 'explicitDeny' }),
    ]);
    // Same account with a resource ARN: EvalDecisionDetails present but empty.
    expect(results[0].EvalDecisionDetails).toEqual({});
  });

  it('reports missing context values at top level for "*" and per resource otherwise', () => {
    const star = simulatePolicies({ policies: [{ policyId: 'p', policyType: 'user', text: USER_POLICY }], actionNames: ['s3:GetObject'] });
    expect(star.results[0].EvalResourceName).toBe('*');
    expect(star.results[0].EvalDecisionDetails).toBeUndefined();
    const named = simulatePolicies({
      policies: [{ policyId: 'p', policyType: 'user', text: USER_POLICY }],
      actionNames: ['s3:GetObject'],
      resourceArns: ['arn:aws:s3:::secret/x'],
    });
    expect(named.results[0].MissingContextValues).toEqual([]);
    expect(named.results[0].ResourceSpecificResults![0].MissingContextValues).toEqual(['aws:MultiFactorAuthPresent']);
  });

  it('applies permissions boundaries and reports PermissionsBoundaryDecisionDetail', () => {
    const boundary = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetBucket*","Resource":"*"}}';
    const { results } = simulatePolicies({
      policies: [{ policyId: 'p', policyType: 'user', text: USER_POLICY }],
      permissionsBoundaries: [{ policyId: 'b', policyType: 'user-managed', text: boundary }],
      actionNames: ['s3:GetObject', 's3:GetBucketPolicy'],
    });
    expect(results[0]).toMatchObject({
      EvalDecision: 'implicitDeny',
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
    });
    expect(results[1]).toMatchObject({
      EvalDecision: 'allowed',
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
    });
    expect(results[1].MatchedStatements.map((s) => s.SourcePolicyId)).toEqual(['p']);
  });

  it('evaluates a resource policy across accounts (ResourceOwner, CallerArn)', () => {
    const bucketPolicy = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:user/carol"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}}`;
    const identity = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}';
    const run = (policies: { policyId: string; policyType: 'user'; text: string }[]) =>
      simulatePolicies({
        policies,
        resourcePolicy: bucketPolicy,
        resourceOwner: `arn:aws:iam::${ACCOUNT}:root`,
        callerArn: 'arn:aws:iam::210987654321:user/carol',
        actionNames: ['s3:GetObject'],
        resourceArns: ['arn:aws:s3:::shared/file'],
      }).results[0];
    const both = run([{ policyId: 'carol-policy', policyType: 'user', text: identity }]);
    expect(both.EvalDecision).toBe('allowed');
    expect(both.EvalDecisionDetails).toEqual({ 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' });
    expect(both.MatchedStatements.map((s) => [s.SourcePolicyId, s.SourcePolicyType])).toEqual([
      ['carol-policy', 'user'],
      ['ResourcePolicy', 'resource'],
    ]);
    const onlyResource = run([]);
    expect(onlyResource.EvalDecision).toBe('implicitDeny');
    expect(onlyResource.EvalDecisionDetails).toEqual({ 'IAM Policy': 'implicitDeny', 'Resource Policy': 'allowed' });
  });

  it('throws PolicyParseError for malformed input policies', () => {
    expect(() => simulatePolicies({ policies: [{ policyId: 'p', policyType: 'user', text: '{' }], actionNames: ['s3:GetObject'] })).toThrow(
      PolicyParseError,
    );
  });
});

describe('contextFromEntries', () => {
  it('keeps lists for list types and single values otherwise', () => {
    expect(
      contextFromEntries([
        { ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['a', 'b'], ContextKeyType: 'stringList' },
        { ContextKeyName: 'aws:username', ContextKeyValues: ['alice'], ContextKeyType: 'string' },
        { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.0.0.1'] },
      ]),
    ).toEqual({ 'aws:TagKeys': ['a', 'b'], 'aws:username': 'alice', 'aws:SourceIp': '10.0.0.1' });
  });
});
