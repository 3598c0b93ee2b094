// Policy documents through @aws-sdk/client-iam: every write path refuses what the evaluator cannot compile (issue 10),
// AWS's check order and messages (issue 11), and a stored document that does not compile fails closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { bumpPolicyGeneration } from '../../lib/authz';
import { startServer, type TestServer } from './harness';

/** Issue 10's document: its Deny of iam:ListUsers used to be stored and then ignored. */
const DENY_LIST_WITH_NULL = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'DenyList', Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' },
    { Sid: 'Other', Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:username': null } } },
  ],
});
const withValue = (value: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:username': value } } }],
  });
const trustWithValue = (value: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:username': value } } }],
  });
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const ALLOW_IAM = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] });

let server: TestServer;
let iam: IAMClient;
let account: string;

beforeAll(async () => {
  server = await startServer();
  iam = server.iam;
  account = server.accountId;
  await iam.send(new CreateUserCommand({ UserName: 'u' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'g' }));
  await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: TRUST }));
  await iam.send(new CreatePolicyCommand({ PolicyName: 'Existing', PolicyDocument: ALLOW_IAM }));
});
afterAll(async () => {
  await server.stop();
});

/** Code, HTTP status and message of a rejected call (fails the test when the call succeeds). */
async function rejection(promise: Promise<unknown>): Promise<{ code: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { Code?: string; name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { code: e.Code ?? e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

const malformed = (message: string) => ({ code: 'MalformedPolicyDocument', status: 400, message });

describe('every write path refuses a document the evaluator cannot compile', () => {
  const writes = (document: string): [string, () => Promise<unknown>][] => [
    ['CreatePolicy', () => iam.send(new CreatePolicyCommand({ PolicyName: 'Broken', PolicyDocument: document }))],
    [
      'CreatePolicyVersion',
      () => iam.send(new CreatePolicyVersionCommand({ PolicyArn: `arn:aws:iam::${account}:policy/Existing`, PolicyDocument: document })),
    ],
    ['PutUserPolicy', () => iam.send(new PutUserPolicyCommand({ UserName: 'u', PolicyName: 'Broken', PolicyDocument: document }))],
    ['PutGroupPolicy', () => iam.send(new PutGroupPolicyCommand({ GroupName: 'g', PolicyName: 'Broken', PolicyDocument: document }))],
    ['PutRolePolicy', () => iam.send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: 'Broken', PolicyDocument: document }))],
  ];

  it("refuses issue 10's document (Deny next to a null condition value) on every path", async () => {
    for (const [, send] of writes(DENY_LIST_WITH_NULL)) {
      expect(await rejection(send())).toEqual(malformed('Syntax errors in policy.'));
    }
  });

  it.each([[{ a: 1 }], [[['x']]], [null], [{}]])('refuses the condition value %j on every path, trust policies included', async (value) => {
    for (const [, send] of writes(withValue(value))) expect(await rejection(send())).toEqual(malformed('Syntax errors in policy.'));
    expect(
      await rejection(iam.send(new CreateRoleCommand({ RoleName: 'broken', AssumeRolePolicyDocument: trustWithValue(value) }))),
    ).toEqual(malformed('Syntax errors in policy.'));
    expect(await rejection(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'r', PolicyDocument: trustWithValue(value) })))).toEqual(
      malformed('Syntax errors in policy.'),
    );
  });
});

describe("AWS's order of checks and its messages", () => {
  const put = (document: unknown) =>
    rejection(
      iam.send(
        new PutUserPolicyCommand({
          UserName: 'u',
          PolicyName: 'P',
          PolicyDocument: typeof document === 'string' ? document : JSON.stringify(document),
        }),
      ),
    );
  const create = (document: unknown) =>
    rejection(iam.send(new CreatePolicyCommand({ PolicyName: 'P', PolicyDocument: JSON.stringify(document) })));
  const statement = (fields: Record<string, unknown>) => ({
    Version: '2012-10-17',
    Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', ...fields },
  });

  it('syntax first, then the version, then legacy parsing', async () => {
    expect(await put('not json')).toEqual(malformed('Syntax errors in policy.'));
    expect(await create({ Version: '2013-10-17', Statement: statement({}).Statement })).toEqual(malformed('Syntax errors in policy.'));
    expect(await create({ Statement: { Effect: 'denY', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' } })).toEqual(
      malformed('Policy document must be version 2012-10-17 or greater.'),
    );
    expect(await put(statement({ Effect: 'allow' }))).toEqual(malformed('The policy failed legacy parsing'));
    expect(await put(statement({ Condition: { DateGreaterThan: { 'aws:CurrentTime': 'sdfdsf' } } }))).toEqual(
      malformed('The policy failed legacy parsing'),
    );
    expect(await put(statement({ Resource: 'arn:aws:s3::example_bucket' }))).toEqual(malformed('The policy failed legacy parsing'));
  });

  it('Sids, actions, resources, resource format, action format', async () => {
    const sid = (s: string) => ({ Sid: s, Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' });
    expect(await put({ Version: '2012-10-17', Statement: [sid('a'), sid('a')] })).toEqual(
      malformed('Statement IDs (SID) in a single policy must be unique.'),
    );
    expect(await put(statement({ Action: [] }))).toEqual(malformed('Policy statement must contain actions.'));
    expect(await put({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'invalid' } })).toEqual(
      malformed('Policy statement must contain resources.'),
    );
    expect(await put(statement({ Action: 's:3:ListBucket', Resource: 'sdfsadf' }))).toEqual(
      malformed('Resource sdfsadf must be in ARN format or "*".'),
    );
    expect(await put(statement({ Resource: 'a:b:cadfsdf' }))).toEqual(
      malformed('Partition "b" is not valid for resource "arn:b:cadfsdf:*:*:*".'),
    );
    expect(await put(statement({ Resource: 'arn:aws:iam:us-east-1::example_bucket' }))).toEqual(
      malformed('IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.'),
    );
    expect(await put(statement({ Action: 's3:List:Bucket' }))).toEqual(malformed('Actions/Condition can contain only one colon.'));
    expect(await put(statement({ Action: 'a a:ListBucket' }))).toEqual(malformed('Vendor a a is not valid'));
    expect(await put(statement({ Action: 'invalid' }))).toEqual(
      malformed('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'),
    );
  });

  it('accepts what AWS accepts', async () => {
    for (const fields of [
      { Condition: { StringEquals: { a: 'x' } } },
      { Condition: { StringEquals: { a: [] } } },
      { Action: 'iam: asdf safdsf af ' },
      { Action: 's3.s:ListBucket' },
      { Resource: 'arn:aws:fdsasf' },
      { Resource: 'arn:aws:test%3Aencoded%3Astring' },
    ]) {
      await iam.send(
        new PutUserPolicyCommand({ UserName: 'u', PolicyName: 'Accepted', PolicyDocument: JSON.stringify(statement(fields)) }),
      );
    }
  });

  it('a trust policy that is not JSON: "This policy contains invalid Json"', async () => {
    expect(await rejection(iam.send(new CreateRoleCommand({ RoleName: 'nojson', AssumeRolePolicyDocument: '{"Statement": [' })))).toEqual(
      malformed('This policy contains invalid Json'),
    );
    expect(await rejection(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'r', PolicyDocument: 'not json' })))).toEqual(
      malformed('This policy contains invalid Json'),
    );
  });
});

describe('a stored Deny is never dropped', () => {
  it('a valid Deny of ListUsers stored for a user allowed iam:* is enforced', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'denied' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'denied', PolicyName: 'Admin', PolicyDocument: ALLOW_IAM }));
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'DenyList',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' }] }),
      }),
    );
    await iam.send(new AttachUserPolicyCommand({ UserName: 'denied', PolicyArn: Policy!.Arn! }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'denied' }));
    const client = server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).iam;
    expect((await rejection(client.send(new ListUsersCommand({})))).code).toBe('AccessDenied');
    client.destroy();
  });

  it('a stored document that does not compile (written behind the API) denies its principal, naming it', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'legacy' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'legacy', PolicyName: 'Admin', PolicyDocument: ALLOW_IAM }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'legacy' }));
    const client = server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).iam;
    await client.send(new ListUsersCommand({}));
    const store = server.service.store;
    const user = (await store.users.getByName('legacy'))!;
    await store.transaction(() =>
      store.inlinePolicies.put({ principalKind: 'user', principalId: user.userId, policyName: 'OldData', document: DENY_LIST_WITH_NULL }),
    );
    bumpPolicyGeneration(store);
    const denied = await rejection(client.send(new ListUsersCommand({})));
    expect(denied.code).toBe('AccessDenied');
    expect(denied.status).toBe(403);
    expect(denied.message).toContain('the policy OldData cannot be evaluated');
    client.destroy();
  });
});
