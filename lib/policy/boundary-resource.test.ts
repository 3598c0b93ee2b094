// Permissions boundaries with resource-based policies (IAM User Guide: "Evaluating effective permissions with boundaries"),
// a boundary's deciding Deny in MatchedStatements, and how SimulatePrincipalPolicy reports customer managed policies.
import { describe, expect, it } from 'vitest';
import { authorize, explain, type AuthorizationRequest, type PolicySet } from './evaluate';
import { compilePolicy } from './parse';
import { simulatePolicies } from './simulate';

const ACCOUNT = '123456789012';
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`;
const OBJECT = 'arn:aws:s3:::shared/report.csv';
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

const identity = compilePolicy(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), { policyId: 'Identity', policyType: 'identity' });
const boundaryIam = compilePolicy(doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }), {
  policyId: 'Boundary',
  policyType: 'boundary',
});
const sessionIam = compilePolicy(doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }), { policyId: 'Session', policyType: 'session' });
const bucketPolicy = (principal: object, effect = 'Allow') =>
  compilePolicy(doc({ Effect: effect, Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }), {
    policyId: 'Bucket',
    policyType: 'resource',
  });

function decide(callerArn: string, set: PolicySet, resourceAccount = ACCOUNT) {
  const request: AuthorizationRequest = {
    action: 's3:GetObject',
    resource: OBJECT,
    principal: { arn: callerArn, accountId: callerArn.split(':')[4] },
    resourceAccount,
    context: {},
  };
  const decision = authorize(request, set);
  expect(explain(request, set).decision).toBe(decision);
  return decision;
}

describe('same-account resource-based grants and permissions boundaries', () => {
  it("a grant naming the user's ARN is not limited by the boundary or by identity policies", () => {
    expect(decide(USER, { identity: [], boundary: [boundaryIam], resource: [bucketPolicy({ AWS: USER })] })).toBe('allowed');
    expect(decide(USER, { identity: [identity], boundary: [boundaryIam], resource: [bucketPolicy({ AWS: USER })] })).toBe('allowed');
  });

  it('an explicit Deny still wins: in the boundary, in identity policies, in the resource policy', () => {
    const boundaryDeny = compilePolicy(
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }),
      { policyId: 'B', policyType: 'boundary' },
    );
    expect(decide(USER, { identity: [], boundary: [boundaryDeny], resource: [bucketPolicy({ AWS: USER })] })).toBe('explicitDeny');
    const identityDeny = compilePolicy(doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' }), { policyId: 'D', policyType: 'identity' });
    expect(decide(USER, { identity: [identityDeny], boundary: [boundaryIam], resource: [bucketPolicy({ AWS: USER })] })).toBe(
      'explicitDeny',
    );
    expect(decide(USER, { identity: [identity], resource: [bucketPolicy({ AWS: USER }), bucketPolicy({ AWS: USER }, 'Deny')] })).toBe(
      'explicitDeny',
    );
  });

  it('a grant to the account only delegates: the identity policies and the boundary must allow', () => {
    expect(decide(USER, { identity: [], boundary: [boundaryIam], resource: [bucketPolicy({ AWS: ACCOUNT })] })).toBe('implicitDeny');
    expect(decide(USER, { identity: [identity], boundary: [boundaryIam], resource: [bucketPolicy({ AWS: ACCOUNT })] })).toBe(
      'implicitDeny',
    );
    expect(decide(USER, { identity: [identity], resource: [bucketPolicy({ AWS: ACCOUNT })] })).toBe('allowed');
  });

  it("a grant to '*' is limited by the boundary", () => {
    expect(decide(USER, { identity: [], boundary: [boundaryIam], resource: [bucketPolicy({ AWS: '*' })] })).toBe('implicitDeny');
    expect(decide(USER, { identity: [], resource: [bucketPolicy({ AWS: '*' })] })).toBe('allowed');
  });

  it("a grant to a role's ARN is limited by the boundary and session policies; one to the session's ARN is not", () => {
    expect(decide(SESSION, { identity: [], boundary: [boundaryIam], resource: [bucketPolicy({ AWS: ROLE })] })).toBe('implicitDeny');
    expect(decide(SESSION, { identity: [], session: [sessionIam], resource: [bucketPolicy({ AWS: ROLE })] })).toBe('implicitDeny');
    expect(decide(SESSION, { identity: [], resource: [bucketPolicy({ AWS: ROLE })] })).toBe('allowed');
    expect(
      decide(SESSION, { identity: [], boundary: [boundaryIam], session: [sessionIam], resource: [bucketPolicy({ AWS: SESSION })] }),
    ).toBe('allowed');
  });

  it('across accounts the identity side is still needed, whatever the grant names', () => {
    const other = 'arn:aws:iam::210987654321:user/carol';
    expect(decide(other, { identity: [], resource: [bucketPolicy({ AWS: other })] })).toBe('implicitDeny');
    expect(decide(other, { identity: [identity], resource: [bucketPolicy({ AWS: other })] })).toBe('allowed');
  });
});

describe("a permissions boundary's deciding Deny in MatchedStatements", () => {
  const identityText = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
  const simulate = (boundary: string, context: { ContextKeyName: string; ContextKeyValues: string[] }[] = []) =>
    simulatePolicies({
      policies: [{ policyId: 'PolicyInputList.1', policyType: 'none', text: identityText }],
      permissionsBoundaries: [{ policyId: 'PermissionsBoundaryPolicyInputList.1', policyType: 'none', text: boundary }],
      actionNames: ['iam:DeleteUser'],
      contextEntries: context,
    }).results[0];

  it('lists the Deny with its positions', () => {
    const boundary = doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:Delete*', Resource: '*' });
    const result = simulate(boundary);
    expect(result.EvalDecision).toBe('explicitDeny');
    expect(result.MatchedStatements).toEqual([
      {
        SourcePolicyId: 'PermissionsBoundaryPolicyInputList.1',
        SourcePolicyType: 'none',
        StartPosition: { Line: 9, Column: 5 },
        EndPosition: { Line: 13, Column: 6 },
      },
    ]);
  });

  it('lists a Deny with …IfExists when the key is missing (and not when the key says otherwise)', () => {
    const boundary = doc(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
    );
    const missing = simulate(boundary);
    expect(missing.EvalDecision).toBe('explicitDeny');
    expect(missing.MatchedStatements.map((m) => [m.SourcePolicyId, m.StartPosition.Line])).toEqual([
      ['PermissionsBoundaryPolicyInputList.1', 9],
    ]);
    const withMfa = simulate(boundary, [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyValues: ['true'] }]);
    expect(withMfa.EvalDecision).toBe('allowed');
    expect(withMfa.MatchedStatements.map((m) => m.SourcePolicyId)).toEqual(['PolicyInputList.1']);
  });
});

describe('SimulatePrincipalPolicy reports customer managed policies as AWS does', () => {
  it("SourcePolicyType 'IAM Policy' and StartPosition one past the statement's '{'", () => {
    const text = doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' });
    const [result] = simulatePolicies({
      policies: [
        { policyId: 'Managed', policyType: 'user-managed', text },
        { policyId: 'Inline', policyType: 'user', text },
      ],
      actionNames: ['iam:GetUser'],
    }).results;
    expect(result.MatchedStatements).toEqual([
      {
        SourcePolicyId: 'Managed',
        SourcePolicyType: 'IAM Policy',
        StartPosition: { Line: 4, Column: 6 },
        EndPosition: { Line: 8, Column: 6 },
      },
      { SourcePolicyId: 'Inline', SourcePolicyType: 'user', StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 8, Column: 6 } },
    ]);
  });
});
