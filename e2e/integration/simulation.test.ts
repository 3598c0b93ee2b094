// Simulate* and GetContextKeysFor* through the AWS SDK: decisions, matched statement positions, boundaries, context, paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { errorCode, startServer, type TestServer } from './harness';

const INLINE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadUsers",
      "Effect": "Allow",
      "Action": ["iam:GetUser", "iam:ListUsers"],
      "Resource": "*"
    },
    {
      "Sid": "NoDeletes",
      "Effect": "Deny",
      "Action": "iam:Delete*",
      "Resource": "*"
    }
  ]
}`;

const GROUP_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::reports/*",
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": "finance" } }
    }
  ]
}`;

let server: TestServer;
let userArn: string;

beforeAll(async () => {
  server = await startServer();
  const { iam } = server;
  userArn = (await iam.send(new CreateUserCommand({ UserName: 'sim-user', Path: '/sim/' }))).User!.Arn!;
  await iam.send(new PutUserPolicyCommand({ UserName: 'sim-user', PolicyName: 'Inline', PolicyDocument: INLINE }));
  await iam.send(new CreateGroupCommand({ GroupName: 'sim-readers' }));
  const policy = await iam.send(new CreatePolicyCommand({ PolicyName: 'ReportsRead', PolicyDocument: GROUP_POLICY }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'sim-readers', PolicyArn: policy.Policy!.Arn! }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'sim-readers', UserName: 'sim-user' }));
});

afterAll(async () => {
  await server?.stop();
});

describe('SimulatePrincipalPolicy', () => {
  it("evaluates a user's own and its groups' policies, naming the deciding statements with their positions", async () => {
    const { EvaluationResults } = await server.iam.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: userArn, ActionNames: ['iam:GetUser', 'iam:DeleteUser', 'iam:CreateUser'] }),
    );
    const byAction = Object.fromEntries(EvaluationResults!.map((r) => [r.EvalActionName, r]));
    expect(byAction['iam:GetUser'].EvalDecision).toBe('allowed');
    expect(byAction['iam:GetUser'].MatchedStatements).toEqual([
      { SourcePolicyId: 'Inline', SourcePolicyType: 'user', StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 9, Column: 6 } },
    ]);
    expect(byAction['iam:DeleteUser'].EvalDecision).toBe('explicitDeny');
    expect(byAction['iam:DeleteUser'].MatchedStatements?.[0]).toMatchObject({
      SourcePolicyId: 'Inline',
      StartPosition: { Line: 10, Column: 5 },
    });
    expect(byAction['iam:CreateUser'].EvalDecision).toBe('implicitDeny');
    expect(byAction['iam:CreateUser'].MatchedStatements).toEqual([]);
  });

  it('uses context entries and reports the keys a group policy needed but did not get', async () => {
    const without = await server.iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: userArn,
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::reports/q1.csv'],
      }),
    );
    expect(without.EvaluationResults![0].EvalDecision).toBe('implicitDeny');
    expect(without.EvaluationResults![0].ResourceSpecificResults?.[0].MissingContextValues).toEqual(['aws:PrincipalTag/team']);

    const withTag = await server.iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: userArn,
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::reports/q1.csv', 'arn:aws:s3:::other/q1.csv'],
        ContextEntries: [{ ContextKeyName: 'aws:PrincipalTag/team', ContextKeyValues: ['finance'], ContextKeyType: 'string' }],
      }),
    );
    const [reports, other] = withTag.EvaluationResults!;
    expect(reports).toMatchObject({ EvalResourceName: 'arn:aws:s3:::reports/q1.csv', EvalDecision: 'allowed' });
    expect(reports.MatchedStatements?.[0]).toMatchObject({
      SourcePolicyId: 'ReportsRead',
      SourcePolicyType: 'IAM Policy',
      StartPosition: { Line: 4, Column: 6 },
    });
    expect(reports.ResourceSpecificResults?.[0]).toMatchObject({
      EvalResourceName: 'arn:aws:s3:::reports/q1.csv',
      EvalResourceDecision: 'allowed',
    });
    expect(other.EvalDecision).toBe('implicitDeny');
  });

  it('adds PolicyInputList and applies a permissions boundary given as input', async () => {
    const extra = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' }] });
    const boundary = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }] });
    const { EvaluationResults } = await server.iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: userArn,
        PolicyInputList: [extra],
        PermissionsBoundaryPolicyInputList: [boundary],
        ActionNames: ['iam:CreateUser', 'iam:GetUser'],
      }),
    );
    const [create, get] = EvaluationResults!;
    expect(create.EvalDecision).toBe('implicitDeny');
    expect(create.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false });
    expect(get.EvalDecision).toBe('allowed');
    expect(get.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: true });
  });

  it('pages results with MaxItems and Marker, in action order', async () => {
    const actions = ['iam:GetUser', 'iam:ListUsers', 'iam:DeleteUser', 'iam:CreateUser', 'iam:TagUser'];
    const first = await server.iam.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: userArn, ActionNames: actions, MaxItems: 2 }),
    );
    expect(first.IsTruncated).toBe(true);
    const seen = first.EvaluationResults!.map((r) => r.EvalActionName);
    let marker = first.Marker;
    while (marker) {
      const next = await server.iam.send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: userArn, ActionNames: actions, MaxItems: 2, Marker: marker }),
      );
      seen.push(...next.EvaluationResults!.map((r) => r.EvalActionName));
      marker = next.IsTruncated ? next.Marker : undefined;
    }
    expect(seen).toEqual(actions);
  });

  it('answers NoSuchEntity for an unknown source', async () => {
    expect(
      await errorCode(
        server.iam.send(
          new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::123456789012:user/ghost', ActionNames: ['iam:GetUser'] }),
        ),
      ),
    ).toBe('NoSuchEntity');
  });
});

describe('SimulateCustomPolicy', () => {
  it('evaluates conditions against context entries, a resource policy and a caller', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }],
    });
    const mfa = await server.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [policy],
        ActionNames: ['iam:ListRoles'],
        ContextEntries: [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyValues: ['true'], ContextKeyType: 'boolean' }],
      }),
    );
    expect(mfa.EvaluationResults![0]).toMatchObject({ EvalDecision: 'allowed' });
    expect(mfa.EvaluationResults![0].MatchedStatements?.[0]).toMatchObject({
      SourcePolicyId: 'PolicyInputList.1',
      StartPosition: { Line: 1 },
    });
    const noMfa = await server.iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['iam:ListRoles'] }));
    expect(noMfa.EvaluationResults![0]).toMatchObject({
      EvalDecision: 'implicitDeny',
      MissingContextValues: ['aws:MultiFactorAuthPresent'],
    });
  });

  it('rejects a malformed policy with MalformedPolicyDocument', async () => {
    expect(
      await errorCode(
        server.iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Statement": ['], ActionNames: ['iam:GetUser'] })),
      ),
    ).toBe('MalformedPolicyDocument');
  });
});

describe('GetContextKeysFor*Policy', () => {
  it('lists the keys of custom policies, including policy variables', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::home/${aws:username}/*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        },
      ],
    });
    const { ContextKeyNames } = await server.iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [policy] }));
    expect([...ContextKeyNames!].sort()).toEqual(['aws:SourceIp', 'aws:username']);
  });

  it("lists the keys of a user's policies and its groups'", async () => {
    const { ContextKeyNames } = await server.iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: userArn }));
    expect(ContextKeyNames).toEqual(['aws:PrincipalTag/team']);
  });
});
