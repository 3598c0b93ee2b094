// The console simulator judges a same-account resource-based grant naming the user as enforcement and Simulate* do.
import { describe, expect, it } from 'vitest';
import { authorize, simulatePolicies } from '@/lib/policy';
import { computeMatrix, explainCell, type MatrixInput } from './matrix';
import { compileSimulation } from './policy-set';

const ACCOUNT = '123456789012';
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;
const OBJECT = 'arn:aws:s3:::shared/report.csv';
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

describe('resource-based grants naming the user, past a permissions boundary', () => {
  it('both Simulate* operations and the console simulator agree with enforcement', () => {
    const bucket = doc({ Effect: 'Allow', Principal: { AWS: USER }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' });
    const boundary = doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' });
    const simulated = simulatePolicies({
      policies: [],
      permissionsBoundaries: [{ policyId: 'PermissionsBoundaryPolicyInputList.1', policyType: 'none', text: boundary }],
      resourcePolicy: bucket,
      callerArn: USER,
      resourceOwner: ACCOUNT,
      actionNames: ['s3:GetObject'],
      resourceArns: [OBJECT],
    }).results[0];
    expect(simulated.EvalDecision).toBe('allowed');
    expect(simulated.MatchedStatements.map((m) => m.SourcePolicyId)).toEqual(['ResourcePolicy']);
    expect(simulated.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false });
    const matrixInput: MatrixInput = {
      set: compileSimulation([
        { id: 'b', kind: 'boundary', label: 'boundary', text: boundary },
        { id: 'bucket', kind: 'resource', label: 'bucket', text: bucket },
      ]).set,
      principal: { arn: USER, accountId: ACCOUNT },
      context: {},
      resourceOwner: ACCOUNT,
    };
    expect(computeMatrix(matrixInput, ['s3:GetObject'], [OBJECT]).decisions).toEqual(['allowed']);
    expect(
      authorize(
        { action: 's3:GetObject', resource: OBJECT, principal: { arn: USER, accountId: ACCOUNT }, resourceAccount: ACCOUNT, context: {} },
        matrixInput.set,
      ),
    ).toBe('allowed');
    expect(explainCell(matrixInput, 's3:GetObject', OBJECT).decidingStatements.map((s) => s.policyId)).toEqual(['bucket']);
  });
});
