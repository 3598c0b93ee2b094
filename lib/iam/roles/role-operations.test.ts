// Role and instance profile operations on a real SQLite store: quotas, trust policy size, service-linked role
// names taken, and that DeleteServiceLinkedRole takes the role's policies with it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../crypto/secrets';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/store';
import type { ServiceConfig } from '../../config';
import { systemPrincipal, wireOperations, type OperationContext } from '../../core/context';
import { QUOTAS } from '../validation';
import { instanceProfileOperations } from '../instance-profiles';
import { roleOperations } from './index';

const ACCOUNT = '123456789012';
const NOW = new Date('2026-06-01T10:00:00Z');
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
let dir: string;
let store: SqliteStore;

function context(): OperationContext {
  return {
    principal: systemPrincipal(ACCOUNT),
    store,
    config: { accountId: ACCOUNT, region: 'us-east-1' } as ServiceConfig,
    secrets: new SecretBox(randomBytes(32)),
    requestId: 'test',
    now: NOW,
    sourceIp: '127.0.0.1',
    userAgent: 'test',
    secureTransport: false,
    service: 'iam',
    action: 'test',
  };
}

const operations = wireOperations({ ...roleOperations, ...instanceProfileOperations });

function call(action: string, input: Record<string, unknown>): Promise<any> {
  return store.transaction(() => operations[action](context(), input));
}

async function failure(action: string, input: Record<string, unknown>): Promise<{ code: string; message: string }> {
  try {
    await call(action, input);
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error(`${action} succeeded`);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h3b-role-ops-'));
  store = openSqliteStore(dir);
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('role operations', () => {
  it('enforces the RolesPerAccount quota on CreateRole and CreateServiceLinkedRole', async () => {
    await store.transaction(async () => {
      for (let i = 0; i < QUOTAS.rolesPerAccount; i++) {
        await store.roles.insert({
          roleId: `AROA${String(i).padStart(17, '0')}`,
          roleName: `r${i}`,
          path: '/',
          createDate: NOW.toISOString(),
          assumeRolePolicy: TRUST,
          maxSessionDuration: 3600,
          serviceLinked: false,
        });
      }
    });
    expect(await failure('CreateRole', { RoleName: 'one-more', AssumeRolePolicyDocument: TRUST })).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for RolesPerAccount: 1000',
    });
    expect((await failure('CreateServiceLinkedRole', { AWSServiceName: 'ecs.amazonaws.com' })).code).toBe('LimitExceeded');
  });

  it('counts the trust policy size without whitespace (2,048 characters)', async () => {
    const principal = (length: number) => `arn:aws:iam::210987654321:role/${'x'.repeat(length)}`;
    const document = (length: number) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: principal(length) }, Action: 'sts:AssumeRole' }],
      });
    const base = document(0).length;
    const fits = document(2048 - base);
    expect(fits.length).toBe(2048);
    // Pretty-printing adds only whitespace, which does not count.
    await call('CreateRole', { RoleName: 'fits', AssumeRolePolicyDocument: JSON.stringify(JSON.parse(fits), null, 8) });
    expect(await failure('CreateRole', { RoleName: 'too-big', AssumeRolePolicyDocument: document(2049 - base) })).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    });
  });

  it('names a missing Principal in MalformedPolicyDocument', async () => {
    const noPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] });
    expect(await failure('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: noPrincipal })).toEqual({
      code: 'MalformedPolicyDocument',
      message: 'Missing required field Principal',
    });
  });

  it('rejects users and roles of this account that do not exist as principals, path included', async () => {
    const trusting = (arn: string) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [arn] }, Action: 'sts:AssumeRole' }] });
    const missing = `arn:aws:iam::${ACCOUNT}:user/team/alice`;
    expect(await failure('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trusting(missing) })).toEqual({
      code: 'MalformedPolicyDocument',
      message: `Invalid principal in policy: "AWS":"${missing}"`,
    });
    await store.users.insert({ userId: 'AIDAAAAAAAAAAAAAAAAAA', userName: 'alice', path: '/team/', createDate: NOW.toISOString() });
    await call('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trusting(missing) });
    expect(
      (await failure('UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: trusting(`arn:aws:iam::${ACCOUNT}:user/alice`) })).code,
    ).toBe('MalformedPolicyDocument');
    expect(
      (await failure('CreateRole', { RoleName: 'self', AssumeRolePolicyDocument: trusting(`arn:aws:iam::${ACCOUNT}:role/self`) })).code,
    ).toBe('MalformedPolicyDocument');
    // Other accounts, the account root and wildcards are not looked up.
    await call('UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: trusting('arn:aws:iam::210987654321:user/someone') });
    await call('UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: trusting(`arn:aws:iam::${ACCOUNT}:root`) });
    await call('UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: trusting(ACCOUNT) });
  });

  it('keeps a deleted role in trust policies by its unique id, so a new role of that name is not trusted', async () => {
    const trusting = (arns: string[]) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: arns }, Action: 'sts:AssumeRole' }] });
    const { Role: caller } = await call('CreateRole', { RoleName: 'caller', AssumeRolePolicyDocument: TRUST });
    const callerArn = `arn:aws:iam::${ACCOUNT}:role/caller`;
    const rootArn = `arn:aws:iam::${ACCOUNT}:root`;
    await call('CreateRole', { RoleName: 'target', AssumeRolePolicyDocument: trusting([callerArn, rootArn]) });
    await call('DeleteRole', { RoleName: 'caller' });
    const document = JSON.parse((await store.roles.getByName('target'))!.assumeRolePolicy);
    expect(document.Statement[0].Principal.AWS).toEqual([caller.RoleId, rootArn]);
  });

  it('answers a taken service-linked role name with InvalidInput', async () => {
    await call('CreateRole', { RoleName: 'AWSServiceRoleForECS', AssumeRolePolicyDocument: TRUST });
    expect(await failure('CreateServiceLinkedRole', { AWSServiceName: 'ecs.amazonaws.com' })).toEqual({
      code: 'InvalidInput',
      message: 'Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.',
    });
    expect((await failure('CreateServiceLinkedRole', { AWSServiceName: 'not-a-service' })).code).toBe('InvalidInput');
  });

  it('deletes a service-linked role with its attached and inline policies', async () => {
    const { Role } = await call('CreateServiceLinkedRole', { AWSServiceName: 'ecs.amazonaws.com' });
    await store.inlinePolicies.put({ principalKind: 'role', principalId: Role.RoleId, policyName: 'p', document: TRUST });
    expect((await store.attachments.listForPrincipal('role', Role.RoleId)).map((a) => a.policyArn)).toEqual([
      'arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy',
    ]);
    const { DeletionTaskId } = await call('DeleteServiceLinkedRole', { RoleName: 'AWSServiceRoleForECS' });
    expect(await store.roles.getById(Role.RoleId)).toBeUndefined();
    expect(await store.attachments.listForPrincipal('role', Role.RoleId)).toEqual([]);
    expect(await store.inlinePolicies.list('role', Role.RoleId)).toEqual([]);
    expect(await call('GetServiceLinkedRoleDeletionStatus', { DeletionTaskId })).toEqual({ Status: 'SUCCEEDED' });
  });
});

describe('a lost race on a name', () => {
  it('maps the unique-index violation to EntityAlreadyExists', async () => {
    await call('CreateRole', { RoleName: 'raced', AssumeRolePolicyDocument: TRUST });
    // A store whose name lookup misses, as when another writer inserts between the check and the insert.
    const blindRoles = Object.assign(Object.create(store.roles), { getByName: () => undefined });
    const racing = Object.create(store, { roles: { value: blindRoles } });
    const ctx = { ...context(), store: racing };
    await expect(roleOperations.CreateRole!(ctx, { RoleName: 'RACED', AssumeRolePolicyDocument: TRUST })).rejects.toThrow(
      expect.objectContaining({ code: 'EntityAlreadyExists', message: 'Role with name RACED already exists.' }),
    );
  });
});

describe('instance profile operations', () => {
  it('enforces the InstanceProfilesPerAccount quota', async () => {
    await store.transaction(async () => {
      for (let i = 0; i < QUOTAS.instanceProfilesPerAccount; i++) {
        await store.instanceProfiles.insert({
          instanceProfileId: `AIPA${String(i).padStart(17, '0')}`,
          instanceProfileName: `p${i}`,
          path: '/',
          createDate: NOW.toISOString(),
        });
      }
    });
    expect(await failure('CreateInstanceProfile', { InstanceProfileName: 'one-more' })).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for InstanceProfilesPerAccount: 1000',
    });
  });
});
