import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, compilePolicy } from '../policy';
import { checkAccessNotGranted, checkNoNewAccess, checkNoPublicAccess } from './access-checks';

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});

describe('checkNoNewAccess', () => {
  it('passes a narrower policy and fails a wider one, pointing at the statement that widens', () => {
    expect(checkNoNewAccess(doc(allow('s3:GetObject')), doc(allow('s3:Get*')), 'IDENTITY_POLICY').result).toBe('PASS');
    const wider = checkNoNewAccess(doc(allow('s3:GetObject'), { ...allow('s3:*'), Sid: 'Wide' }), doc(allow('s3:Get*')), 'IDENTITY_POLICY');
    expect(wider.result).toBe('FAIL');
    expect(wider.reasons).toEqual([{ description: 'New access in the statement with index: 1.', statementIndex: 1, statementId: 'Wide' }]);
  });

  it('treats wildcards as sets: s3:Get*Acl is within s3:Get*, s3:* is not within s3:Get*', () => {
    expect(checkNoNewAccess(doc(allow('s3:Get*Acl')), doc(allow('s3:Get*')), 'IDENTITY_POLICY').result).toBe('PASS');
    expect(checkNoNewAccess(doc(allow('s3:*')), doc(allow('s3:Get*')), 'IDENTITY_POLICY').result).toBe('FAIL');
    expect(
      checkNoNewAccess(doc(allow('s3:GetObject', 'arn:aws:s3:::b/x/*')), doc(allow('s3:GetObject', 'arn:aws:s3:::b/*')), 'IDENTITY_POLICY')
        .result,
    ).toBe('PASS');
    expect(
      checkNoNewAccess(doc(allow('s3:GetObject', 'arn:aws:s3:::b*')), doc(allow('s3:GetObject', 'arn:aws:s3:::b/*')), 'IDENTITY_POLICY')
        .result,
    ).toBe('FAIL');
  });

  it('fails when the new policy drops a condition or a Deny of the existing one', () => {
    const mfa = { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } };
    expect(checkNoNewAccess(doc(allow('iam:*')), doc(allow('iam:*', '*', mfa)), 'IDENTITY_POLICY').result).toBe('FAIL');
    expect(checkNoNewAccess(doc(allow('iam:*', '*', mfa)), doc(allow('iam:*', '*', mfa)), 'IDENTITY_POLICY').result).toBe('PASS');
    const deny = { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' };
    expect(checkNoNewAccess(doc(allow('iam:*')), doc(allow('iam:*'), deny), 'IDENTITY_POLICY').result).toBe('FAIL');
    expect(checkNoNewAccess(doc(allow('iam:*'), { ...deny, Sid: 'Kept' }), doc(allow('iam:*'), deny), 'IDENTITY_POLICY').result).toBe(
      'PASS',
    );
  });

  it('compares principals of resource policies; NotAction and policy variables only when provable', () => {
    const trust = (principal: object) => doc({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' });
    expect(
      checkNoNewAccess(trust({ AWS: '111122223333' }), trust({ AWS: 'arn:aws:iam::111122223333:root' }), 'RESOURCE_POLICY').result,
    ).toBe('PASS');
    expect(checkNoNewAccess(trust({ AWS: '444455556666' }), trust({ AWS: '111122223333' }), 'RESOURCE_POLICY').result).toBe('FAIL');
    expect(
      checkNoNewAccess(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), doc(allow('s3:*')), 'IDENTITY_POLICY').result,
    ).toBe('FAIL');
    expect(
      checkNoNewAccess(
        doc({ Effect: 'Allow', NotAction: ['iam:*', 's3:*'], Resource: '*' }),
        doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
        'IDENTITY_POLICY',
      ).result,
    ).toBe('PASS');
    const own = 'arn:aws:iam::111122223333:user/${aws:username}';
    expect(checkNoNewAccess(doc(allow('iam:GetUser', own)), doc(allow('iam:GetUser', own)), 'IDENTITY_POLICY').result).toBe('PASS');
    expect(
      checkNoNewAccess(doc(allow('iam:GetUser', 'arn:aws:iam::111122223333:user/bob')), doc(allow('iam:GetUser', own)), 'IDENTITY_POLICY')
        .result,
    ).toBe('FAIL');
  });

  // Soundness: whenever the check passes, no request is allowed by the new policy and not by the existing one.
  it('never passes a new policy that allows a request the existing one does not (property)', () => {
    const actions = ['s3:GetObject', 's3:PutObject', 's3:Get*', 's3:*', 'iam:GetUser', 'iam:*', '*'];
    const resources = ['*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/x', 'arn:aws:iam::111122223333:user/bob', 'arn:aws:s3:::*'];
    const statement = fc.record({
      Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
      Action: fc.subarray(actions, { minLength: 1, maxLength: 3 }),
      Resource: fc.subarray(resources, { minLength: 1, maxLength: 2 }),
      mfa: fc.boolean(),
    });
    const policyOf = (statements: { Effect: string; Action: string[]; Resource: string[]; mfa: boolean }[]) =>
      doc(...statements.map(({ mfa, ...s }) => (mfa ? { ...s, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : s)));
    const requests = ['s3:GetObject', 's3:PutObject', 's3:GetObjectAcl', 'iam:GetUser', 'iam:DeleteUser', 'ec2:RunInstances'].flatMap(
      (action) =>
        ['arn:aws:s3:::b/x', 'arn:aws:s3:::b/y', 'arn:aws:s3:::c', 'arn:aws:iam::111122223333:user/bob'].flatMap((resource) =>
          [true, false].map((mfa) => ({ action, resource, context: { 'aws:MultiFactorAuthPresent': mfa ? 'true' : 'false' } })),
        ),
    );
    let passes = 0;
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 3 }),
        fc.array(statement, { minLength: 1, maxLength: 3 }),
        (next, existing) => {
          const nextText = policyOf(next);
          const existingText = policyOf(existing);
          if (checkNoNewAccess(nextText, existingText, 'IDENTITY_POLICY').result !== 'PASS') return;
          passes++;
          const nextPolicy = compilePolicy(nextText, { policyId: 'new', policyType: 'identity' });
          const existingPolicy = compilePolicy(existingText, { policyId: 'existing', policyType: 'identity' });
          for (const request of requests) {
            if (authorize(request, { identity: [nextPolicy] }) === 'allowed')
              expect(authorize(request, { identity: [existingPolicy] })).toBe('allowed');
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property is only worth something if the check passes often enough to be tested.
    expect(passes).toBeGreaterThan(10);
  });
});

describe('checkAccessNotGranted', () => {
  it('fails when an action may be granted, even under conditions; an unconditional Deny proves it is not', () => {
    const policy = doc(allow('iam:*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
    expect(checkAccessNotGranted(policy, [{ actions: ['iam:DeleteUser'] }], 'IDENTITY_POLICY').result).toBe('FAIL');
    const denied = doc(allow('iam:*'), { Effect: 'Deny', Action: 'iam:Delete*', Resource: '*' });
    expect(checkAccessNotGranted(denied, [{ actions: ['iam:DeleteUser'] }], 'IDENTITY_POLICY').result).toBe('PASS');
    expect(checkAccessNotGranted(denied, [{ actions: ['iam:CreateUser'] }], 'IDENTITY_POLICY').result).toBe('FAIL');
  });

  it('checks resources alone, and NotAction statements', () => {
    const policy = doc(allow('s3:GetObject', 'arn:aws:s3:::public/*'));
    expect(checkAccessNotGranted(policy, [{ resources: ['arn:aws:s3:::secret/key'] }], 'IDENTITY_POLICY').result).toBe('PASS');
    expect(checkAccessNotGranted(policy, [{ resources: ['arn:aws:s3:::public/key'] }], 'IDENTITY_POLICY').result).toBe('FAIL');
    expect(
      checkAccessNotGranted(
        doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
        [{ actions: ['s3:DeleteBucket'] }],
        'IDENTITY_POLICY',
      ).result,
    ).toBe('FAIL');
    expect(
      checkAccessNotGranted(
        doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
        [{ actions: ['iam:DeleteUser'] }],
        'IDENTITY_POLICY',
      ).result,
    ).toBe('PASS');
  });

  it('rejects an empty access list', () => {
    expect(() => checkAccessNotGranted(doc(allow('*')), [{}], 'IDENTITY_POLICY')).toThrow(/at least one action or resource/);
  });
});

describe('checkNoPublicAccess', () => {
  const trust = (statement: object) => doc({ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', ...statement });
  it('fails wildcard principals unless a condition confines them to fixed accounts or organizations', () => {
    expect(checkNoPublicAccess(trust({ Principal: '*' }), 'AWS::IAM::AssumeRolePolicyDocument').result).toBe('FAIL');
    expect(
      checkNoPublicAccess(
        trust({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }),
        'AWS::IAM::AssumeRolePolicyDocument',
      ).result,
    ).toBe('PASS');
    expect(
      checkNoPublicAccess(
        trust({ Principal: '*', Condition: { StringLike: { 'aws:PrincipalAccount': '1111*' } } }),
        'AWS::IAM::AssumeRolePolicyDocument',
      ).result,
    ).toBe('FAIL');
    expect(
      checkNoPublicAccess(
        trust({ Principal: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-abc' } } }),
        'AWS::IAM::AssumeRolePolicyDocument',
      ).result,
    ).toBe('FAIL');
    expect(
      checkNoPublicAccess(
        doc({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }),
        'AWS::IAM::AssumeRolePolicyDocument',
      ).result,
    ).toBe('FAIL');
  });

  it('fails OIDC providers without a fixed subject, passes SAML providers, services and named accounts', () => {
    const github = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
    expect(
      checkNoPublicAccess(
        trust({
          Principal: { Federated: github },
          Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
        }),
        'AWS::IAM::AssumeRolePolicyDocument',
      ).result,
    ).toBe('FAIL');
    expect(
      checkNoPublicAccess(
        trust({
          Principal: { Federated: github },
          Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:ref:refs/heads/main' } },
        }),
        'AWS::IAM::AssumeRolePolicyDocument',
      ).result,
    ).toBe('PASS');
    expect(
      checkNoPublicAccess(
        trust({ Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' } }),
        'AWS::IAM::AssumeRolePolicyDocument',
      ).result,
    ).toBe('PASS');
    expect(
      checkNoPublicAccess(trust({ Principal: { Service: 'ec2.amazonaws.com', AWS: '111122223333' } }), 'AWS::IAM::AssumeRolePolicyDocument')
        .result,
    ).toBe('PASS');
  });
});
