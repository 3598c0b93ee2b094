// Permissions boundaries in Simulate* and enforcement through @aws-sdk/client-iam and client-sts: a boundary's deciding Deny
// is a matched statement, and a same-account resource-based grant naming the user is not limited by the boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutUserPermissionsBoundaryCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { errorCode, startServer, type TestServer } from './harness';

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const ALLOW_ALL = doc({ Effect: 'Allow', Action: '*', Resource: '*' });

let server: TestServer;
let account: string;
let userArn: string;

beforeAll(async () => {
  server = await startServer();
  account = server.accountId;
  userArn = `arn:aws:iam::${account}:user/bounded`;
  await server.iam.send(new CreateUserCommand({ UserName: 'bounded' }));
  const { Policy } = await server.iam.send(
    new CreatePolicyCommand({ PolicyName: 'OnlyIamRead', PolicyDocument: doc({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }) }),
  );
  await server.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: Policy!.Arn! }));
});
afterAll(async () => {
  await server?.stop();
});

describe("a permissions boundary's Deny in MatchedStatements", () => {
  it('SimulateCustomPolicy names PermissionsBoundaryPolicyInputList.N with its positions, IfExists on a missing key included', async () => {
    const boundary = doc(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
    );
    const { EvaluationResults } = await server.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [ALLOW_ALL],
        PermissionsBoundaryPolicyInputList: [boundary],
        ActionNames: ['iam:DeleteUser', 'iam:GetUser'],
      }),
    );
    const [deleteUser, getUser] = EvaluationResults!;
    expect(deleteUser.EvalDecision).toBe('explicitDeny');
    expect(deleteUser.MatchedStatements).toEqual([
      {
        SourcePolicyId: 'PermissionsBoundaryPolicyInputList.1',
        SourcePolicyType: 'none',
        StartPosition: { Line: 9, Column: 5 },
        EndPosition: { Line: 18, Column: 6 },
      },
    ]);
    expect(getUser.EvalDecision).toBe('allowed');
    expect(getUser.MatchedStatements!.map((m) => m.SourcePolicyId)).toEqual(['PolicyInputList.1']);
  });
});

describe('a same-account resource-based grant naming the user', () => {
  const bucketPolicy = (principal: string) =>
    doc({ Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' });

  it('SimulatePrincipalPolicy: allowed past the boundary when the user ARN is named, not when only the account is', async () => {
    const simulate = (resourcePolicy: string) =>
      server.iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: userArn,
          ActionNames: ['s3:GetObject'],
          ResourceArns: ['arn:aws:s3:::shared/report.csv'],
          ResourcePolicy: resourcePolicy,
          ResourceOwner: `arn:aws:iam::${account}:root`,
        }),
      );
    const named = (await simulate(bucketPolicy(userArn))).EvaluationResults![0];
    expect(named.EvalDecision).toBe('allowed');
    expect(named.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false });
    expect(named.MatchedStatements!.map((m) => m.SourcePolicyId)).toEqual(['ResourcePolicy']);
    const account_ = (await simulate(bucketPolicy(`arn:aws:iam::${account}:root`))).EvaluationResults![0];
    expect(account_.EvalDecision).toBe('implicitDeny');
  });

  it('SimulateCustomPolicy: the same, and an explicit Deny in the boundary still wins', async () => {
    const simulate = (boundary: string) =>
      server.iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [],
          PermissionsBoundaryPolicyInputList: [boundary],
          ResourcePolicy: bucketPolicy(userArn),
          CallerArn: userArn,
          ResourceOwner: account,
          ActionNames: ['s3:GetObject'],
          ResourceArns: ['arn:aws:s3:::shared/report.csv'],
        }),
      );
    expect((await simulate(doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }))).EvaluationResults![0].EvalDecision).toBe('allowed');
    const denied = (await simulate(doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' })))
      .EvaluationResults![0];
    expect(denied.EvalDecision).toBe('explicitDeny');
    expect(denied.MatchedStatements![0].SourcePolicyId).toBe('PermissionsBoundaryPolicyInputList.1');
  });

  it('enforcement: a trust policy naming the user lets them assume the role although the boundary allows no sts:AssumeRole', async () => {
    const trust = (principal: string) => doc({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' });
    await server.iam.send(new CreateRoleCommand({ RoleName: 'names-user', AssumeRolePolicyDocument: trust(userArn) }));
    await server.iam.send(
      new CreateRoleCommand({ RoleName: 'names-account', AssumeRolePolicyDocument: trust(`arn:aws:iam::${account}:root`) }),
    );
    const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'bounded' }));
    const sts = server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).sts;
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/names-user`, RoleSessionName: 's1' }));
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${account}:assumed-role/names-user/s1`);
    expect(
      await errorCode(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/names-account`, RoleSessionName: 's1' }))),
    ).toBe('AccessDenied');
    sts.destroy();
  });
});
