// Matrix, assume-role, diff and context-key effects: the simulator's pure logic over the real policy engine.
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '@/lib/policy';
import { contextKeyEffects } from './context-effects';
import { buildRequestContext, detectContextKeys } from './context-keys';
import { describeDiff, diffMatrices } from './diff';
import { computeMatrix, computePrincipalsMatrix, decisionAt, explainCell, type MatrixInput } from './matrix';
import { compileSimulation } from './policy-set';
import { roleArnOfSession } from './assume-role';

const ACCOUNT = '123456789012';
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

const readS3 = doc({ Sid: 'ReadBucket', Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' });
const denyDelete = doc({ Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' });

function input(policies: Parameters<typeof compileSimulation>[0], context = {}): MatrixInput {
  return { set: compileSimulation(policies).set, principal: { arn: USER, accountId: ACCOUNT }, context };
}

describe('computeMatrix', () => {
  it('judges every action × resource pair and counts allowed, explicit and implicit denies', () => {
    const m = computeMatrix(
      input([
        { id: 'read', kind: 'identity', label: 'read', text: readS3 },
        { id: 'deny', kind: 'identity', label: 'deny', text: denyDelete },
      ]),
      ['s3:GetObject', 's3:DeleteObject', 's3:PutObject'],
      ['arn:aws:s3:::reports/a.csv', 'arn:aws:s3:::private/b.csv'],
    );
    expect(m.decisions).toEqual(['allowed', 'implicitDeny', 'explicitDeny', 'explicitDeny', 'implicitDeny', 'implicitDeny']);
    expect(m.counts).toEqual({ allowed: 1, explicitDeny: 2, implicitDeny: 3 });
    expect(decisionAt(m, 's3:DeleteObject', 'arn:aws:s3:::private/b.csv')).toBe('explicitDeny');
  });

  it("uses '*' as the only resource when none is given", () => {
    const m = computeMatrix(input([{ id: 'deny', kind: 'identity', label: 'deny', text: denyDelete }]), ['s3:DeleteObject'], []);
    expect(m.resources).toEqual(['*']);
    expect(m.decisions).toEqual(['explicitDeny']);
  });

  it('limits identity allows by the permissions boundary', () => {
    const policies = [
      { id: 'all', kind: 'identity' as const, label: 'all', text: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
      { id: 'b', kind: 'boundary' as const, label: 'b', text: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
    ];
    const m = computeMatrix(input(policies), ['s3:ListBucket', 'iam:CreateUser'], []);
    expect(m.decisions).toEqual(['allowed', 'implicitDeny']);
    const e = explainCell(input(policies), 'iam:CreateUser', '*');
    expect(e.identityDecision).toBe('allowed');
    expect(e.boundaryDecision).toBe('implicitDeny');
  });

  it('reports a policy that does not parse instead of evaluating it', () => {
    const compiled = compileSimulation([{ id: 'bad', kind: 'identity', label: 'bad', text: '{"Statement": [' }]);
    expect(compiled.errors.map((e) => e.policyId)).toEqual(['bad']);
    expect(compiled.set.identity).toHaveLength(0);
  });
});

describe('sts:AssumeRole on a role', () => {
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/app/deployer`;
  const trust = (principal: object, effect = 'Allow') =>
    compilePolicy(doc({ Effect: effect, Principal: principal, Action: 'sts:AssumeRole' }), { policyId: 'trust', policyType: 'trust' });
  const identityAllow = {
    id: 'assume',
    kind: 'identity' as const,
    label: 'assume',
    text: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
  };

  it('needs the identity allow when the trust policy names only the account', () => {
    const trustPolicies = new Map([[`${ACCOUNT}/deployer`, trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` })]]);
    const withAllow = computeMatrix({ ...input([identityAllow]), trustPolicies }, ['sts:AssumeRole'], [roleArn]);
    expect(withAllow.decisions).toEqual(['allowed']);
    expect(withAllow.trustJudged).toEqual([true]);
    const without = computeMatrix({ ...input([]), trustPolicies }, ['sts:AssumeRole'], [roleArn]);
    expect(without.decisions).toEqual(['implicitDeny']);
  });

  it('denies (implicitly) when only the identity allows and the trust policy does not name the caller', () => {
    const trustPolicies = new Map([[`${ACCOUNT}/deployer`, trust({ Service: 'ec2.amazonaws.com' })]]);
    const m = computeMatrix({ ...input([identityAllow]), trustPolicies }, ['sts:AssumeRole', 's3:ListBucket'], [roleArn]);
    expect(m.decisions).toEqual(['implicitDeny', 'implicitDeny']);
    const e = explainCell({ ...input([identityAllow]), trustPolicies }, 'sts:AssumeRole', roleArn);
    expect(e.decision).toBe('implicitDeny');
    expect(e.identityDecision).toBe('allowed');
    expect(e.closestNonMatchingStatements[0]).toMatchObject({ policyId: 'trust', failedPart: 'principal' });
  });

  it('allows a caller the trust policy names directly, same account, without an identity allow', () => {
    const trustPolicies = new Map([[`${ACCOUNT}/deployer`, trust({ AWS: USER })]]);
    expect(computeMatrix({ ...input([]), trustPolicies }, ['sts:AssumeRole'], [roleArn]).decisions).toEqual(['allowed']);
  });

  it('lets a Deny in the trust policy win over the identity allow', () => {
    const trustPolicies = new Map([[`${ACCOUNT}/deployer`, trust({ AWS: USER }, 'Deny')]]);
    expect(computeMatrix({ ...input([identityAllow]), trustPolicies }, ['sts:AssumeRole'], [roleArn]).decisions).toEqual(['explicitDeny']);
  });

  it('resolves a role session ARN to its role', () => {
    expect(roleArnOfSession(`arn:aws:sts::${ACCOUNT}:assumed-role/deployer/build-42`)).toBe(`arn:aws:iam::${ACCOUNT}:role/deployer`);
    const trustPolicies = new Map([[`${ACCOUNT}/deployer`, trust({ AWS: USER }, 'Deny')]]);
    const m = computeMatrix(
      { ...input([identityAllow]), trustPolicies },
      ['sts:AssumeRole'],
      [`arn:aws:sts::${ACCOUNT}:assumed-role/deployer/build-42`],
    );
    expect(m.decisions).toEqual(['explicitDeny']);
  });
});

describe('diffMatrices', () => {
  it('lists the cells an edit newly allows and newly denies', () => {
    const actions = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];
    const before = computeMatrix(input([{ id: 'p', kind: 'identity', label: 'p', text: readS3 }]), actions, ['arn:aws:s3:::reports/x']);
    const edited = doc({ Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: '*' });
    const after = computeMatrix(input([{ id: 'p', kind: 'identity', label: 'p', text: edited }]), actions, ['arn:aws:s3:::reports/x']);
    const diff = diffMatrices(before, after);
    expect(diff.newlyAllowed.map((c) => c.action)).toEqual(['s3:PutObject', 's3:DeleteObject']);
    expect(diff.newlyDenied.map((c) => c.action)).toEqual(['s3:GetObject']);
    expect(describeDiff(diff)).toBe('This edit newly allows 2 and denies 1.');
    expect(describeDiff(diffMatrices(before, before))).toBeUndefined();
  });
});

describe('context keys', () => {
  const conditional = doc({
    Sid: 'FromOffice',
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: {
      IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
      'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] },
      NumericLessThan: { 's3:max-keys': '10' },
    },
  });

  it('types each referenced key by the operators that read it', () => {
    const { set } = compileSimulation([{ id: 'c', kind: 'identity', label: 'c', text: conditional }]);
    const fields = detectContextKeys(set.identity);
    expect(fields.map((f) => [f.key, f.type, f.multiValue])).toEqual([
      ['aws:SourceIp', 'ip', false],
      ['aws:TagKeys', 'string', true],
      ['s3:max-keys', 'number', false],
    ]);
  });

  it('derives caller keys and lets typed values win', () => {
    const context = buildRequestContext(
      { arn: USER, accountId: ACCOUNT, type: 'user', userName: 'alice', tags: { team: 'red' } },
      { 'aws:username': ['bob'], 'aws:SourceIp': ['', '10.0.0.1'] },
    );
    expect(context).toEqual({
      'aws:PrincipalArn': USER,
      'aws:PrincipalAccount': ACCOUNT,
      'aws:PrincipalType': 'User',
      'aws:PrincipalTag/team': 'red',
      'aws:username': 'bob',
      'aws:SourceIp': '10.0.0.1',
    });
  });

  it('says which missing key would flip the decision when supplied, and which given key when removed', () => {
    const policies = [
      {
        id: 'c',
        kind: 'identity' as const,
        label: 'c',
        text: doc({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
        }),
      },
    ];
    const missing = input(policies);
    const explanation = explainCell(missing, 's3:GetObject', '*');
    expect(explanation.decision).toBe('implicitDeny');
    expect(explanation.missingContextKeys).toEqual(['aws:SourceIp']);
    expect(contextKeyEffects(missing, 's3:GetObject', '*', explanation)).toEqual([
      { key: 'aws:SourceIp', change: 'supplied', value: '203.0.113.0', decision: 'allowed', changesDecision: true },
    ]);
    const given = input(policies, { 'aws:SourceIp': '203.0.113.9' });
    const allowed = explainCell(given, 's3:GetObject', '*');
    expect(allowed.decision).toBe('allowed');
    expect(contextKeyEffects(given, 's3:GetObject', '*', allowed)).toEqual([
      { key: 'aws:SourceIp', change: 'removed', decision: 'implicitDeny', changesDecision: true },
    ]);
  });
});

describe('computePrincipalsMatrix', () => {
  it('judges each principal on its own policies', () => {
    const rows = computePrincipalsMatrix(
      [
        { label: 'reader', input: input([{ id: 'r', kind: 'identity', label: 'r', text: readS3 }]) },
        { label: 'nobody', input: input([]) },
      ],
      ['s3:GetObject'],
      ['arn:aws:s3:::reports/a', 'arn:aws:s3:::other/b'],
    );
    expect(rows.map((r) => r.cells[0].decision)).toEqual(['mixed', 'implicitDeny']);
    expect(rows[0].cells[0].counts).toEqual({ allowed: 1, explicitDeny: 0, implicitDeny: 1 });
  });
});
