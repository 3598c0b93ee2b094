// AssumeRole on a real SQLite store: the role's tags reach the caller's policies as aws:ResourceTag/* and
// iam:ResourceTag/* (IAM User Guide, "IAM: Assume roles that have a specific tag").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../config';
import { systemPrincipal, type OperationContext, type Principal } from '../core/context';
import { testContext } from '../core/test-context';
import { SecretBox } from '../crypto/secrets';
import { IAM_OPERATIONS } from '../iam/operations';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/store';
import { assumeRole } from './assume-role';

const ACCOUNT = '123456789012';
let dir: string;
let store: SqliteStore;
let system: OperationContext;

function call(action: string, input: Record<string, unknown>): Promise<any> {
  return store.transaction(() => IAM_OPERATIONS[action]({ ...system, action }, input));
}

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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-assume-role-'));
  store = openSqliteStore(dir);
  await store.account.create({ accountId: ACCOUNT, rootEmail: 'root@example.com', createDate: new Date().toISOString() });
  system = testContext(store, {
    principal: systemPrincipal(ACCOUNT),
    config: { accountId: ACCOUNT, region: 'us-east-1' } as ServiceConfig,
    secrets: new SecretBox(randomBytes(32)),
  });
  await call('CreateRole', { RoleName: 'prod', AssumeRolePolicyDocument: TRUST_ACCOUNT, Tags: [{ Key: 'tier', Value: 'prod' }] });
  await call('CreateRole', { RoleName: 'dev', AssumeRolePolicyDocument: TRUST_ACCOUNT, Tags: [{ Key: 'tier', Value: 'dev' }] });
  await call('CreateRole', { RoleName: 'untagged', AssumeRolePolicyDocument: TRUST_ACCOUNT });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

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
