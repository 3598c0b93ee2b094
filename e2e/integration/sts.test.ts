// STS end to end through the SDK: GetCallerIdentity for root, users and role sessions; AssumeRole with trust
// policies (named principal, account root + identity policy, ExternalId, MFA), session tags, duration limits
// and role chaining; GetSessionToken with MFA; GetAccessKeyInfo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccessKeyCommand,
  EnableMFADeviceCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  type STSClient,
} from '@aws-sdk/client-sts';
import { totpCode, totpStep } from '../../lib/iam/totp';
import { startServer, errorCode, type Credentials, type TestServer } from './harness';

let server: TestServer;
let alice: { iam: IAMClient; sts: STSClient };
let aliceKeys: Credentials;
let aliceArn: string;
const ACCOUNT = '123456789012';

async function createUserWithKey(userName: string): Promise<Credentials> {
  await server.iam.send(new CreateUserCommand({ UserName: userName }));
  const key = await server.iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
}

function trust(
  principal: Record<string, string | string[]>,
  extra: Record<string, unknown> = {},
  actions: string | string[] = 'sts:AssumeRole',
) {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: actions, ...extra }] });
}

async function createRole(roleName: string, policy: string, maxSessionDuration?: number): Promise<string> {
  const role = await server.iam.send(
    new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: policy, MaxSessionDuration: maxSessionDuration }),
  );
  return role.Role!.Arn!;
}

function sessionCredentials(
  credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined,
): Credentials {
  return {
    accessKeyId: credentials!.AccessKeyId!,
    secretAccessKey: credentials!.SecretAccessKey!,
    sessionToken: credentials!.SessionToken!,
  };
}

/** Creates and enables a virtual MFA device for the user; returns its serial, seed and the last step used. */
async function enableMfa(userName: string) {
  const created = await server.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `${userName}-mfa` }));
  const serial = created.VirtualMFADevice!.SerialNumber!;
  const seed = Buffer.from(created.VirtualMFADevice!.Base32StringSeed!).toString('ascii');
  const step = totpStep(new Date());
  await server.iam.send(
    new EnableMFADeviceCommand({
      UserName: userName,
      SerialNumber: serial,
      AuthenticationCode1: totpCode(seed, step - 1),
      AuthenticationCode2: totpCode(seed, step),
    }),
  );
  return { serial, seed, step };
}

beforeAll(async () => {
  server = await startServer();
  aliceKeys = await createUserWithKey('sts-alice');
  alice = server.clientFor(aliceKeys);
  aliceArn = `arn:aws:iam::${ACCOUNT}:user/sts-alice`;
});
afterAll(async () => {
  await server.stop();
});

describe('GetCallerIdentity', () => {
  it('names an IAM user by ARN and AIDA id', async () => {
    const identity = await alice.sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: ACCOUNT, Arn: aliceArn });
    expect(identity.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });

  it('names the root user by the account id (console root session)', async () => {
    const response = await fetch(`${server.endpoint}/_gatehouse/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'root', email: server.rootEmail, password: server.rootPassword }),
    });
    expect(response.status).toBe(200);
    const { credentials } = (await response.json()) as { credentials: Credentials };
    const root = server.clientFor({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    });
    expect(await root.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT,
      UserId: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:root`,
    });
    expect(
      await errorCode(root.sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/nope`, RoleSessionName: 'root' }))),
    ).toBe('AccessDenied');
  });
});

describe('AssumeRole', () => {
  let directRoleArn: string;
  let directSession: Credentials;

  beforeAll(async () => {
    directRoleArn = await createRole('sts-direct', trust({ AWS: aliceArn }));
  });

  it('admits a caller the trust policy names, and the session acts as assumed-role/ROLE/SESSION', async () => {
    const assumed = await alice.sts.send(new AssumeRoleCommand({ RoleArn: directRoleArn, RoleSessionName: 'first-session' }));
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/sts-direct/first-session`);
    expect(assumed.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:first-session$/);
    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const expiresIn = assumed.Credentials!.Expiration!.getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(3500_000);
    expect(expiresIn).toBeLessThanOrEqual(3600_000);
    directSession = sessionCredentials(assumed.Credentials);
    const identity = await server.clientFor(directSession).sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: ACCOUNT, Arn: assumed.AssumedRoleUser?.Arn, UserId: assumed.AssumedRoleUser?.AssumedRoleId });
    expect((await server.service.store.roles.getByName('sts-direct'))?.lastUsedDate).toBeDefined();
  });

  it('refuses a caller the trust policy does not name, a missing role and a bad session name', async () => {
    const bob = server.clientFor(await createUserWithKey('sts-bob'));
    expect(await errorCode(bob.sts.send(new AssumeRoleCommand({ RoleArn: directRoleArn, RoleSessionName: 'bob' })))).toBe('AccessDenied');
    expect(
      await errorCode(alice.sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/missing`, RoleSessionName: 'x1' }))),
    ).toBe('AccessDenied');
    expect(await errorCode(alice.sts.send(new AssumeRoleCommand({ RoleArn: directRoleArn, RoleSessionName: 'x' })))).toBe(
      'ValidationError',
    );
    expect(await errorCode(alice.sts.send(new AssumeRoleCommand({ RoleArn: directRoleArn, RoleSessionName: 'bad name!' })))).toBe(
      'ValidationError',
    );
  });

  it('needs the caller own policies too when the trust policy names only the account', async () => {
    const roleArn = await createRole('sts-account', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }));
    expect(await errorCode(alice.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'no-policy' })))).toBe('AccessDenied');
    const carolKeys = await createUserWithKey('sts-carol');
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'sts-carol',
        PolicyName: 'assume',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }],
        }),
      }),
    );
    const assumed = await server.clientFor(carolKeys).sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'carol' }));
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/sts-account/carol`);
  });

  it('evaluates ExternalId conditions (sts:ExternalId)', async () => {
    const roleArn = await createRole(
      'sts-external',
      trust({ AWS: aliceArn }, { Condition: { StringEquals: { 'sts:ExternalId': 'secret-42' } } }),
    );
    expect(await errorCode(alice.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'no-id' })))).toBe('AccessDenied');
    expect(
      await errorCode(alice.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'wrong', ExternalId: 'secret-43' }))),
    ).toBe('AccessDenied');
    const assumed = await alice.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'right', ExternalId: 'secret-42' }));
    expect(assumed.AssumedRoleUser?.Arn).toContain('assumed-role/sts-external/right');
  });

  it('caps DurationSeconds by MaxSessionDuration, and at one hour when chaining roles', async () => {
    const message = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
      return 'ok';
    };
    expect(
      await message(alice.sts.send(new AssumeRoleCommand({ RoleArn: directRoleArn, RoleSessionName: 'long', DurationSeconds: 7200 }))),
    ).toBe('ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const chainedArn = await createRole('sts-chained', trust({ AWS: [directRoleArn, aliceArn] }), 43200);
    const roleSession = server.clientFor(directSession);
    expect(
      await message(roleSession.sts.send(new AssumeRoleCommand({ RoleArn: chainedArn, RoleSessionName: 'chain', DurationSeconds: 7200 }))),
    ).toBe('ValidationError: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    const chained = await roleSession.sts.send(
      new AssumeRoleCommand({ RoleArn: chainedArn, RoleSessionName: 'chain', DurationSeconds: 3600 }),
    );
    expect(chained.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/sts-chained/chain`);
    const longDirect = await alice.sts.send(
      new AssumeRoleCommand({ RoleArn: chainedArn, RoleSessionName: 'direct-long', DurationSeconds: 7200 }),
    );
    expect(longDirect.Credentials!.Expiration!.getTime() - Date.now()).toBeGreaterThan(7100_000);
  }, 30_000);

  it('needs sts:TagSession in the trust policy for session tags, and keeps tags and session policies on the session', async () => {
    const untagged = await createRole('sts-untagged', trust({ AWS: aliceArn }));
    const tags = [{ Key: 'project', Value: 'gatehouse' }];
    expect(await errorCode(alice.sts.send(new AssumeRoleCommand({ RoleArn: untagged, RoleSessionName: 'tags', Tags: tags })))).toBe(
      'AccessDenied',
    );
    const tagged = await createRole(
      'sts-tagged',
      trust({ AWS: aliceArn }, {}, ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']),
    );
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }] });
    const assumed = await alice.sts.send(
      new AssumeRoleCommand({
        RoleArn: tagged,
        RoleSessionName: 'tags',
        Tags: tags,
        TransitiveTagKeys: ['project'],
        Policy: policy,
        SourceIdentity: 'alice-src',
      }),
    );
    expect(assumed.PackedPolicySize).toBeGreaterThan(0);
    expect(assumed.SourceIdentity).toBe('alice-src');
    const stored = JSON.parse((await server.service.store.sessions.get(assumed.Credentials!.AccessKeyId!))!.principal);
    expect(stored).toMatchObject({
      type: 'AssumedRole',
      sessionTags: { project: 'gatehouse' },
      transitiveTagKeys: ['project'],
      sessionPolicies: [policy],
      sourceIdentity: 'alice-src',
      roleChainDepth: 0,
    });
    expect(
      await errorCode(alice.sts.send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'bad-policy', Policy: '{"Statement":' }))),
    ).toBe('MalformedPolicyDocument');
  });
});

describe('GetSessionToken', () => {
  it('issues MFA-authenticated sessions that satisfy aws:MultiFactorAuthPresent, and rejects a wrong code', async () => {
    const daveKeys = await createUserWithKey('sts-dave');
    const dave = server.clientFor(daveKeys);
    const mfa = await enableMfa('sts-dave');
    const roleArn = await createRole(
      'sts-mfa',
      trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/sts-dave` }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
    );

    expect(await errorCode(dave.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'no-mfa' })))).toBe('AccessDenied');
    const plain = await dave.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const plainSession = server.clientFor(sessionCredentials(plain.Credentials));
    expect(await errorCode(plainSession.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'plain' })))).toBe(
      'AccessDenied',
    );

    const wrong = totpCode(mfa.seed, mfa.step + 1) === '000000' ? '111111' : '000000';
    expect(await errorCode(dave.sts.send(new GetSessionTokenCommand({ SerialNumber: mfa.serial, TokenCode: wrong })))).toBe('AccessDenied');
    expect(
      await errorCode(
        dave.sts.send(new GetSessionTokenCommand({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/other`, TokenCode: '123456' })),
      ),
    ).toBe('AccessDenied');

    const withMfa = await dave.sts.send(
      new GetSessionTokenCommand({ SerialNumber: mfa.serial, TokenCode: totpCode(mfa.seed, mfa.step + 1), DurationSeconds: 3600 }),
    );
    const mfaSession = server.clientFor(sessionCredentials(withMfa.Credentials));
    expect((await mfaSession.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/sts-dave`);
    const assumed = await mfaSession.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'with-mfa' }));
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/sts-mfa/with-mfa`);

    // A used code cannot be replayed, and session credentials cannot get another session token.
    expect(
      await errorCode(dave.sts.send(new GetSessionTokenCommand({ SerialNumber: mfa.serial, TokenCode: totpCode(mfa.seed, mfa.step + 1) }))),
    ).toBe('AccessDenied');
    expect(await errorCode(mfaSession.sts.send(new GetSessionTokenCommand({})))).toBe('AccessDenied');
  });

  it('defaults to 12 hours for users', async () => {
    const session = await alice.sts.send(new GetSessionTokenCommand({}));
    const seconds = (session.Credentials!.Expiration!.getTime() - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(43000);
    expect(seconds).toBeLessThanOrEqual(43200);
  });
});

describe('AssumeRole and the role\'s tags (IAM User Guide: "IAM: Assume roles that have a specific tag")', () => {
  const TRUST_ACCOUNT = trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
  const roleArnOf = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

  beforeAll(async () => {
    await server.iam.send(
      new CreateRoleCommand({ RoleName: 'tag-prod', AssumeRolePolicyDocument: TRUST_ACCOUNT, Tags: [{ Key: 'tier', Value: 'prod' }] }),
    );
    await server.iam.send(
      new CreateRoleCommand({ RoleName: 'tag-dev', AssumeRolePolicyDocument: TRUST_ACCOUNT, Tags: [{ Key: 'tier', Value: 'dev' }] }),
    );
    await server.iam.send(new CreateRoleCommand({ RoleName: 'tag-none', AssumeRolePolicyDocument: TRUST_ACCOUNT }));
  });

  async function assumes(client: { sts: STSClient }, roleName: string): Promise<string> {
    try {
      await client.sts.send(new AssumeRoleCommand({ RoleArn: roleArnOf(roleName), RoleSessionName: 'tags' }));
      return 'assumed';
    } catch (error) {
      return (error as Error).name;
    }
  }

  for (const prefix of ['iam', 'aws']) {
    it(`a Deny on ${prefix}:ResourceTag/tier = prod refuses the prod role, not the others`, async () => {
      const user = server.clientFor(await createUserWithKey(`tag-deny-${prefix}`));
      const document = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
          {
            Effect: 'Deny',
            Action: 'sts:AssumeRole',
            Resource: '*',
            Condition: { StringEquals: { [`${prefix}:ResourceTag/tier`]: 'prod' } },
          },
        ],
      });
      await server.iam.send(new PutUserPolicyCommand({ UserName: `tag-deny-${prefix}`, PolicyName: 'p', PolicyDocument: document }));
      expect(await assumes(user, 'tag-prod')).toBe('AccessDenied');
      expect(await assumes(user, 'tag-dev')).toBe('assumed');
      expect(await assumes(user, 'tag-none')).toBe('assumed');
    });

    it(`an Allow on ${prefix}:ResourceTag/tier = dev admits the dev role only`, async () => {
      const user = server.clientFor(await createUserWithKey(`tag-allow-${prefix}`));
      const document = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Resource: '*',
            Condition: { StringEquals: { [`${prefix}:ResourceTag/tier`]: 'dev' } },
          },
        ],
      });
      await server.iam.send(new PutUserPolicyCommand({ UserName: `tag-allow-${prefix}`, PolicyName: 'p', PolicyDocument: document }));
      expect(await assumes(user, 'tag-dev')).toBe('assumed');
      expect(await assumes(user, 'tag-prod')).toBe('AccessDenied');
      expect(await assumes(user, 'tag-none')).toBe('AccessDenied');
    });
  }
});

describe('what temporary credentials may call, by how they were issued', () => {
  const ALLOW_ALL = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  let erin: { iam: IAMClient; sts: STSClient };
  let roleArn: string;

  beforeAll(async () => {
    // Everything is allowed by policy, so each refusal below is the session's kind, not a policy.
    erin = server.clientFor(await createUserWithKey('sts-erin'));
    await server.iam.send(new PutUserPolicyCommand({ UserName: 'sts-erin', PolicyName: 'all', PolicyDocument: ALLOW_ALL }));
    // The account root in the trust policy admits the federated user too, when only its own policies decide.
    roleArn = await createRole('sts-limits', trust({ AWS: [`arn:aws:iam::${ACCOUNT}:user/sts-erin`, `arn:aws:iam::${ACCOUNT}:root`] }));
  });

  it('GetSessionToken without MFA: no IAM API (InvalidClientTokenId), STS AssumeRole and GetCallerIdentity only', async () => {
    const session = server.clientFor(sessionCredentials((await erin.sts.send(new GetSessionTokenCommand({}))).Credentials));
    for (const call of [
      session.iam.send(new ListUsersCommand({})),
      session.iam.send(new CreateUserCommand({ UserName: 'sts-erin-made' })),
    ]) {
      const error = (await call.catch((e: Error) => e)) as Error;
      expect(error.name).toBe('InvalidClientTokenId');
      expect(error.message).toBe('The security token included in the request is invalid');
    }
    // An authentication error: before the missing UserName is noticed.
    expect(await errorCode(session.iam.send(new CreateUserCommand({} as never)))).toBe('InvalidClientTokenId');
    expect((await session.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/sts-erin`);
    const assumed = await session.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'from-session' }));
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/sts-limits/from-session`);
    expect(await errorCode(session.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: aliceKeys.accessKeyId })))).toBe('AccessDenied');
    // The user's long-term keys keep every right their policies give.
    expect((await erin.iam.send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
  });

  it('GetSessionToken with MFA: IAM allowed', async () => {
    const mfa = await enableMfa('sts-erin');
    const issued = await erin.sts.send(
      new GetSessionTokenCommand({ SerialNumber: mfa.serial, TokenCode: totpCode(mfa.seed, mfa.step + 1), DurationSeconds: 900 }),
    );
    const session = server.clientFor(sessionCredentials(issued.Credentials));
    expect((await session.iam.send(new ListUsersCommand({}))).Users?.some((u) => u.UserName === 'sts-erin')).toBe(true);
    await session.iam.send(new CreateUserCommand({ UserName: 'sts-erin-made-with-mfa' }));
    expect(await errorCode(session.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: aliceKeys.accessKeyId })))).toBe('AccessDenied');
  });

  it('GetFederationToken: no IAM API, no AssumeRole; GetCallerIdentity allowed', async () => {
    const issued = await erin.sts.send(new GetFederationTokenCommand({ Name: 'erin-fed', Policy: ALLOW_ALL }));
    const session = server.clientFor(sessionCredentials(issued.Credentials));
    expect(await errorCode(session.iam.send(new ListUsersCommand({})))).toBe('InvalidClientTokenId');
    expect(await errorCode(session.iam.send(new CreateUserCommand({ UserName: 'sts-erin-fed-made' })))).toBe('InvalidClientTokenId');
    expect(await errorCode(session.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'from-fed' })))).toBe(
      'AccessDenied',
    );
    expect((await session.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT}:federated-user/erin-fed`);
  });
});

describe('GetAccessKeyInfo', () => {
  it('names the account of a key (for a caller allowed sts:GetAccessKeyInfo)', async () => {
    expect((await server.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: aliceKeys.accessKeyId }))).Account).toBe(ACCOUNT);
  });

  it('decodes the account of keys it does not hold, as AWS does (another account’s, a deleted one’s)', async () => {
    expect((await server.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'ASIAY34FZKBOKMUTVV7A' }))).Account).toBe('609629065308');
    await server.iam.send(new CreateUserCommand({ UserName: 'key-info' }));
    const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'key-info' }));
    await server.iam.send(new DeleteAccessKeyCommand({ UserName: 'key-info', AccessKeyId: AccessKey!.AccessKeyId! }));
    expect((await server.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: AccessKey!.AccessKeyId! }))).Account).toBe(ACCOUNT);
    const error = await server.sts
      .send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIA1111111111111111' }))
      .catch((e: { name: string }) => e);
    expect((error as { name: string }).name).toBe('InvalidParameterValue');
  });
});
