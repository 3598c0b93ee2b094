// AssumeRole on a real SQLite store: the role's tags reach the caller's policies as aws:ResourceTag/* and
// iam:ResourceTag/* (IAM User Guide, "IAM: Assume roles that have a specific tag").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext, Principal } from '../core/context';
import { openOperationsStore, type OperationsStore } from '../iam/operations-store.fixtures';
import { assumeRole } from './assume-role';

const ACCOUNT = '123456789012';
let fixture: OperationsStore;
let store: OperationsStore['store'];
let system: OperationContext;
let call: OperationsStore['call'];

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const ALLOW_ASSUME = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' };
// The account root in the trust policy: the caller's own policies decide.
const TRUST_ACCOUNT = policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' });

async function asUser(userName: string, userPolicy: string): Promise<OperationContext> {
  await call('CreateUser', { UserName: userName });
  await call('PutUserPolicy', { UserName: userName, PolicyName: 'p', PolicyDocument: userPolicy });
  const user = (await store.users.getByName(userName))!;
  const principal: Principal = {
    type: 'IAMUser',
    accountId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:user/${userName}`,
    principalId: user.userId,
    userId: user.userId,
    userName,
  };
  return { ...system, principal, service: 'sts', action: 'AssumeRole' };
}

async function outcome(ctx: OperationContext, roleName: string): Promise<string> {
  try {
    await store.transaction(() => assumeRole(ctx, { RoleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, RoleSessionName: 's' }));
    return 'assumed';
  } catch (error) {
    return (error as Error).name;
  }
}

beforeEach(async () => {
  fixture = await openOperationsStore('gh-assume-role-', ACCOUNT);
  ({ store, system, call } = fixture);
  await call('CreateRole', { RoleName: 'prod', AssumeRolePolicyDocument: TRUST_ACCOUNT, Tags: [{ Key: 'tier', Value: 'prod' }] });
  await call('CreateRole', { RoleName: 'dev', AssumeRolePolicyDocument: TRUST_ACCOUNT, Tags: [{ Key: 'tier', Value: 'dev' }] });
  await call('CreateRole', { RoleName: 'untagged', AssumeRolePolicyDocument: TRUST_ACCOUNT });
});

afterEach(() => fixture.close());

describe("AssumeRole and the role's tags", () => {
  for (const prefix of ['iam', 'aws']) {
    it(`a Deny on ${prefix}:ResourceTag refuses the tagged role only`, async () => {
      const ctx = await asUser(
        `deny-${prefix}`,
        policy(ALLOW_ASSUME, {
          Effect: 'Deny',
          Action: 'sts:AssumeRole',
          Resource: '*',
          Condition: { StringEquals: { [`${prefix}:ResourceTag/tier`]: 'prod' } },
        }),
      );
      expect(await outcome(ctx, 'prod')).toBe('AccessDenied');
      expect(await outcome(ctx, 'dev')).toBe('assumed');
      expect(await outcome(ctx, 'untagged')).toBe('assumed');
    });

    it(`an Allow on ${prefix}:ResourceTag admits the tagged role only`, async () => {
      const ctx = await asUser(
        `allow-${prefix}`,
        policy({ ...ALLOW_ASSUME, Condition: { StringEquals: { [`${prefix}:ResourceTag/tier`]: 'dev' } } }),
      );
      expect(await outcome(ctx, 'dev')).toBe('assumed');
      expect(await outcome(ctx, 'prod')).toBe('AccessDenied');
      expect(await outcome(ctx, 'untagged')).toBe('AccessDenied');
    });
  }
});
