// Authorization that must fail closed, through the AWS SDK: policy variables without value, renames and moves,
// MFA serial numbers in another case, simulated entities named by an ARN that is not theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateRoleCommand,
  CreateVirtualMFADeviceCommand,
  DeleteVirtualMFADeviceCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetContextKeysForPrincipalPolicyCommand,
  CreateUserCommand,
  DeleteUserCommand,
  GetGroupCommand,
  GetUserCommand,
  ListPoliciesGrantingServiceAccessCommand,
  ListVirtualMFADevicesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  SimulatePrincipalPolicyCommand,
  UpdateGroupCommand,
  UpdateUserCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startServer, type TestServer } from './harness';

let server: TestServer;
const ACCOUNT = '123456789012';
const clients: IAMClient[] = [];

async function denial(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; Code?: string; message: string };
    return { code: e.Code ?? e.name, message: e.message };
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** A user with one inline policy and an IAM client signed with its own access key. */
async function userWithPolicy(userName: string, document: string, path = '/'): Promise<IAMClient> {
  await server.iam.send(new CreateUserCommand({ UserName: userName, Path: path }));
  await server.iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'p', PolicyDocument: document }));
  const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  const client = server.clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).iam;
  clients.push(client);
  return client;
}

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
});

// IAM User Guide, "IAM policy elements: Variables and tags": "If AWS cannot resolve a variable this might cause the
// entire statement to be invalid." A NotResource naming ${aws:username} must not grant every resource to a caller
// without that variable.
describe('NotResource with a policy variable that has no value', () => {
  it('grants nothing to a user without the principal tag it names', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'victim1' }));
    const untagged = await userWithPolicy(
      'nrtag',
      policy({
        Effect: 'Allow',
        Action: 'iam:DeleteUser',
        NotResource: `arn:aws:iam::${ACCOUNT}:user/\${aws:PrincipalTag/protected-user}`,
      }),
    );
    const error = await denial(untagged.send(new DeleteUserCommand({ UserName: 'victim1' })));
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/nrtag is not authorized to perform: iam:DeleteUser on resource: user victim1 because no identity-based policy allows the iam:DeleteUser action`,
    );
    expect((await server.iam.send(new GetUserCommand({ UserName: 'victim1' }))).User?.UserName).toBe('victim1');
  });

  it('grants nothing to a role session (no aws:username), and the simulator says so with the missing value', async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'victim2' }));
    await server.iam.send(
      new CreateRoleCommand({
        RoleName: 'nrrole',
        AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }),
      }),
    );
    await server.iam.send(
      new PutRolePolicyCommand({
        RoleName: 'nrrole',
        PolicyName: 'p',
        PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:DeleteUser', NotResource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` }),
      }),
    );
    const { Credentials } = await server.sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/nrrole`, RoleSessionName: 's1' }),
    );
    const session = server.clientFor({
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    }).iam;
    clients.push(session);
    expect((await denial(session.send(new DeleteUserCommand({ UserName: 'victim2' })))).code).toBe('AccessDenied');
    expect((await server.iam.send(new GetUserCommand({ UserName: 'victim2' }))).User?.UserName).toBe('victim2');

    const { EvaluationResults } = await server.iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/nrrole`,
        ActionNames: ['iam:DeleteUser'],
        ResourceArns: [`arn:aws:iam::${ACCOUNT}:user/victim2`],
      }),
    );
    expect(EvaluationResults![0].EvalDecision).toBe('implicitDeny');
    expect(EvaluationResults![0].ResourceSpecificResults![0].MissingContextValues).toEqual(['aws:username']);
  });
});

// UpdateUser / UpdateGroup API reference: "the requester must have appropriate permissions on both the source object
// and the target object".
describe('renames and moves', () => {
  it('refuse moving a user or group out of the only path the caller may update', async () => {
    const mover = await userWithPolicy(
      'mover',
      policy({
        Effect: 'Allow',
        Action: ['iam:UpdateUser', 'iam:UpdateGroup', 'iam:GetUser'],
        Resource: [`arn:aws:iam::${ACCOUNT}:user/sandbox/*`, `arn:aws:iam::${ACCOUNT}:group/sandbox/*`],
      }),
    );
    await server.iam.send(new CreateUserCommand({ UserName: 'sbx1', Path: '/sandbox/' }));
    await server.iam.send(new CreateGroupCommand({ GroupName: 'sbxg', Path: '/sandbox/' }));

    const user = await denial(mover.send(new UpdateUserCommand({ UserName: 'sbx1', NewPath: '/admins/', NewUserName: 'prod-admin' })));
    expect(user).toEqual({
      code: 'AccessDenied',
      message: `User: arn:aws:iam::${ACCOUNT}:user/mover is not authorized to perform: iam:UpdateUser on resource: user prod-admin because no identity-based policy allows the iam:UpdateUser action`,
    });
    expect((await server.iam.send(new GetUserCommand({ UserName: 'sbx1' }))).User?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/sandbox/sbx1`);

    const group = await denial(mover.send(new UpdateGroupCommand({ GroupName: 'sbxg', NewPath: '/admins/', NewGroupName: 'Admins2' })));
    expect(group.code).toBe('AccessDenied');
    expect(group.message).toContain('iam:UpdateGroup on resource: group Admins2 because no identity-based policy allows');
    expect((await server.iam.send(new GetGroupCommand({ GroupName: 'sbxg' }))).Group?.Arn).toBe(
      `arn:aws:iam::${ACCOUNT}:group/sandbox/sbxg`,
    );

    // A rename that stays within the allowed path is allowed on both ARNs.
    await mover.send(new UpdateUserCommand({ UserName: 'sbx1', NewUserName: 'sbx2' }));
    expect((await server.iam.send(new GetUserCommand({ UserName: 'sbx2' }))).User?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/sandbox/sbx2`);
  });
});

// MFA devices are found ignoring the serial number's case; the Deny on the device's ARN must hold for every spelling.
describe('MFA serial numbers in another case', () => {
  it('do not get past a Deny on the device', async () => {
    const { VirtualMFADevice } = await server.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'break-glass-mfa' }));
    const serial = VirtualMFADevice!.SerialNumber!;
    expect(serial).toBe(`arn:aws:iam::${ACCOUNT}:mfa/break-glass-mfa`);
    const mfadel = await userWithPolicy(
      'mfadel',
      policy(
        { Effect: 'Allow', Action: 'iam:*MFADevice*', Resource: '*' },
        { Effect: 'Deny', Action: 'iam:DeleteVirtualMFADevice', Resource: serial },
      ),
    );
    for (const spelling of [serial, `arn:aws:iam::${ACCOUNT}:mfa/BREAK-GLASS-MFA`, `ARN:AWS:IAM::${ACCOUNT}:MFA/break-glass-mfa`]) {
      const error = await denial(mfadel.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: spelling })));
      expect(error).toEqual({
        code: 'AccessDenied',
        message: `User: arn:aws:iam::${ACCOUNT}:user/mfadel is not authorized to perform: iam:DeleteVirtualMFADevice on resource: ${spelling} with an explicit deny in an identity-based policy`,
      });
    }
    const { VirtualMFADevices } = await server.iam.send(new ListVirtualMFADevicesCommand({}));
    expect(VirtualMFADevices!.map((d) => d.SerialNumber)).toContain(serial);
    // A serial number that names no device is authorized as given, then not found.
    const missing = await denial(mfadel.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/ghost` })));
    expect(missing.code).toBe('NoSuchEntity');
  });
});

// SimulatePrincipalPolicy & co. are authorized on the entity the ARN resolves to: a Deny on user/boss holds for every
// spelling that reaches boss, and an ARN that is not boss's own (another path or account) does not reach it.
describe('simulations naming an entity by an ARN that is not its own', () => {
  it('do not get past a Deny on the entity, nor reach it by another path or account', async () => {
    const actions = [
      'iam:SimulatePrincipalPolicy',
      'iam:GetContextKeysForPrincipalPolicy',
      'iam:GenerateServiceLastAccessedDetails',
      'iam:ListPoliciesGrantingServiceAccess',
    ];
    await server.iam.send(new CreateUserCommand({ UserName: 'boss' }));
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'boss',
        PolicyName: 'all',
        PolicyDocument: policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
      }),
    );
    const simu = await userWithPolicy(
      'simu',
      policy(
        { Effect: 'Allow', Action: actions, Resource: '*' },
        { Effect: 'Deny', Action: actions, Resource: `arn:aws:iam::${ACCOUNT}:user/boss` },
      ),
    );
    for (const arn of [`arn:aws:iam::${ACCOUNT}:user/boss`, `arn:aws:iam::${ACCOUNT}:user/BOSS`]) {
      // Each call made only when awaited: a refusal nobody awaits yet is an unhandled rejection.
      const calls: [string, () => Promise<unknown>][] = [
        [
          'iam:SimulatePrincipalPolicy',
          () => simu.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ['iam:DeleteUser'] })),
        ],
        ['iam:GetContextKeysForPrincipalPolicy', () => simu.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: arn }))],
        ['iam:GenerateServiceLastAccessedDetails', () => simu.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn }))],
        [
          'iam:ListPoliciesGrantingServiceAccess',
          () => simu.send(new ListPoliciesGrantingServiceAccessCommand({ Arn: arn, ServiceNamespaces: ['iam'] })),
        ],
      ];
      for (const [action, call] of calls) {
        expect(await denial(call())).toEqual({
          code: 'AccessDenied',
          message: `User: arn:aws:iam::${ACCOUNT}:user/simu is not authorized to perform: ${action} on resource: ${arn} with an explicit deny in an identity-based policy`,
        });
      }
    }
    for (const arn of [`arn:aws:iam::${ACCOUNT}:user/fake/boss`, 'arn:aws:iam::999999999999:user/boss']) {
      const calls = [
        () => simu.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ['iam:DeleteUser'] })),
        () => simu.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: arn })),
        () => simu.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn })),
        () => simu.send(new ListPoliciesGrantingServiceAccessCommand({ Arn: arn, ServiceNamespaces: ['iam'] })),
      ];
      for (const call of calls)
        expect(await denial(call())).toEqual({ code: 'NoSuchEntity', message: 'The user with name boss cannot be found.' });
    }
  });
});
