// The Store contract (docs/STORAGE.md), one suite run against every implementation: the same records, orders, pages,
// counts and unique violations from SQLite and PostgreSQL; and on PostgreSQL, units of work that stay correct when
// two stores (two instances) on one database race for the same names, quotas and version numbers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { isDuplicateKeyError } from './errors';
import type { Store } from './types';
import { SqliteStore } from './sqlite/store';
import { openPostgresStore, type PostgresStore } from './postgres/store';
import { MIGRATIONS } from './postgres/migrations';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../../e2e/support/postgres-cluster';

/** What the repository-level cases need: the repositories, settings and wipe. */
type Subject = Store;

const DATE = '2026-01-01T00:00:00.000Z';
const LATER = '2026-02-01T00:00:00.000Z';
const ACCOUNT = '123456789012';

/** A distinct id per name (names differing only in case or punctuation included). */
function id(prefix: string, name: string): string {
  return `${prefix}${Buffer.from(name).toString('hex').toUpperCase()}`;
}

const user = (name: string, userPath = '/') => ({ userId: id('AIDA', name), userName: name, path: userPath, createDate: DATE });
const group = (name: string, groupPath = '/') => ({ groupId: id('AGPA', name), groupName: name, path: groupPath, createDate: DATE });
const role = (name: string) => ({
  roleId: id('AROA', name),
  roleName: name,
  path: '/',
  createDate: DATE,
  assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}',
  maxSessionDuration: 3600,
  serviceLinked: false,
});
const policyArn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const mfaDevice = (name: string) => ({
  serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}`,
  deviceName: name,
  path: '/',
  seedEncrypted: 'seed',
  isRoot: false,
  createDate: DATE,
});
const policy = (name: string) => ({
  policyId: id('ANPA', name),
  arn: policyArn(name),
  policyName: name,
  path: '/',
  defaultVersionId: 'v1',
  nextVersion: 2,
  createDate: DATE,
  updateDate: DATE,
});
const version = (name: string, versionId: string, document = `{"v":"${versionId}"}`) => ({
  policyArn: policyArn(name),
  versionId,
  document,
  createDate: DATE,
});

/** Every page of a keyset listing, followed to the end. */
async function allPages<T>(list: (after: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[][]> {
  const pages: T[][] = [];
  let after: string | undefined;
  do {
    const page = await list(after);
    pages.push(page.items);
    after = page.next;
  } while (after !== undefined);
  return pages;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** The repository cases, run once per implementation on a store wiped before each case. */
function repositoryContract(open: () => Subject) {
  let s: Subject;
  beforeEach(async () => {
    s = open();
    await s.wipe();
  });

  it('users: case-insensitive lookup keeping the spelling, rename, boundary cleared, delete, count', async () => {
    const alice = { ...user('Alice'), permissionsBoundaryArn: policyArn('Boundary') };
    await s.users.insert(alice);
    expect(await s.users.getByName('aLiCe')).toEqual(alice);
    expect(await s.users.getById(alice.userId)).toEqual(alice);
    await s.users.update(alice.userId, { userName: 'Alicia', permissionsBoundaryArn: undefined, passwordLastUsed: LATER });
    expect(await s.users.getByName('alice')).toBeUndefined();
    expect(await s.users.getByName('ALICIA')).toEqual({
      userId: alice.userId,
      userName: 'Alicia',
      path: '/',
      createDate: DATE,
      passwordLastUsed: LATER,
    });
    expect(await s.users.count()).toBe(1);
    await s.users.delete(alice.userId);
    expect(await s.users.getById(alice.userId)).toBeUndefined();
    expect(await s.users.count()).toBe(0);
  });

  it("users, groups, roles, instance profiles, policies, certificates: 'Alice' then 'ALICE' is a unique violation", async () => {
    await s.users.insert(user('Alice'));
    expect(isDuplicateKeyError(await rejection(s.users.insert({ ...user('ALICE'), userId: 'AIDAOTHER' })))).toBe(true);
    await s.groups.insert(group('Admins'));
    expect(isDuplicateKeyError(await rejection(s.groups.insert({ ...group('ADMINS'), groupId: 'AGPAOTHER' })))).toBe(true);
    await s.roles.insert(role('Deployer'));
    expect(isDuplicateKeyError(await rejection(s.roles.insert({ ...role('deployer'), roleId: 'AROAOTHER' })))).toBe(true);
    const profile = { instanceProfileId: 'AIPA1', instanceProfileName: 'Web', path: '/', createDate: DATE };
    await s.instanceProfiles.insert(profile);
    expect(
      isDuplicateKeyError(
        await rejection(s.instanceProfiles.insert({ ...profile, instanceProfileId: 'AIPA2', instanceProfileName: 'WEB' })),
      ),
    ).toBe(true);
    await s.managedPolicies.insert(policy('ReadOnly'), version('ReadOnly', 'v1'));
    expect(
      isDuplicateKeyError(
        await rejection(s.managedPolicies.insert({ ...policy('readonly'), policyId: 'ANPAOTHER' }, version('readonly', 'v1'))),
      ),
    ).toBe(true);
    // A renamed user cannot take a name that differs only in case either.
    await s.users.insert(user('Bob'));
    expect(isDuplicateKeyError(await rejection(s.users.update(id('AIDA', 'Bob'), { userName: 'alice' })))).toBe(true);
    expect((await s.users.getById(id('AIDA', 'Bob')))?.userName).toBe('Bob');
  });

  it('lists by folded name in byte order, in keyset pages, under a path prefix (% and _ taken literally)', async () => {
    const names = ['bob', 'Alice', 'carol', 'Dave', 'eve', 'Zed', 'a_b', 'a-b', 'A1', 'frank'];
    for (const [index, name] of names.entries()) await s.users.insert(user(name, index % 2 === 0 ? '/eng/' : '/eng%/ops/'));
    const expected = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    const pages = await allPages((after) => s.users.list({ after, limit: 3 }));
    expect(pages.map((page) => page.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flat().map((u) => u.userName)).toEqual(expected);
    const first = await s.users.list({ limit: 3 });
    expect(first.next).toBe(expected[2].toLowerCase());
    const underPercent = await s.users.list({ pathPrefix: '/eng%', limit: 100 });
    expect(underPercent.items.map((u) => u.userName)).toEqual(expected.filter((n) => names.indexOf(n) % 2 === 1));
    expect((await s.users.list({ pathPrefix: '/eng_', limit: 100 })).items).toEqual([]);
    expect((await s.users.list({ pathPrefix: '/', limit: 100 })).items).toHaveLength(names.length);
    expect(await s.users.list({ limit: 10 })).toEqual({ items: pages.flat(), next: undefined });
  });

  it('groups: members by user name in pages, groups of a user by name, counts, idempotent add', async () => {
    for (const name of ['Ops', 'dev', 'Audit']) await s.groups.insert(group(name, '/teams/'));
    for (const name of ['zoe', 'Yann', 'xavier']) await s.users.insert(user(name));
    for (const name of ['zoe', 'Yann', 'xavier']) await s.groups.addMember(id('AGPA', 'dev'), id('AIDA', name), DATE);
    await s.groups.addMember(id('AGPA', 'dev'), id('AIDA', 'zoe'), LATER);
    await s.groups.addMember(id('AGPA', 'Ops'), id('AIDA', 'zoe'), DATE);
    await s.groups.addMember(id('AGPA', 'Audit'), id('AIDA', 'zoe'), DATE);
    const pages = await allPages(async (after) => {
      const page = await s.groups.listMembers(id('AGPA', 'dev'), { after, limit: 2 });
      return { items: page.userIds, next: page.next };
    });
    expect(pages).toEqual([[id('AIDA', 'xavier'), id('AIDA', 'Yann')], [id('AIDA', 'zoe')]]);
    expect(await s.groups.countMembers(id('AGPA', 'dev'))).toBe(3);
    expect((await s.groups.listForUser(id('AIDA', 'zoe'))).map((g) => g.groupName)).toEqual(['Audit', 'dev', 'Ops']);
    expect(await s.groups.countForUser(id('AIDA', 'zoe'))).toBe(3);
    expect(await s.groups.isMember(id('AGPA', 'Ops'), id('AIDA', 'zoe'))).toBe(true);
    await s.groups.removeMember(id('AGPA', 'Ops'), id('AIDA', 'zoe'));
    expect(await s.groups.isMember(id('AGPA', 'Ops'), id('AIDA', 'zoe'))).toBe(false);
    await s.groups.update(id('AGPA', 'dev'), { groupName: 'Developers', path: '/x/' });
    expect(await s.groups.getByName('developers')).toEqual({
      groupId: id('AGPA', 'dev'),
      groupName: 'Developers',
      path: '/x/',
      createDate: DATE,
    });
    expect((await s.groups.list({ pathPrefix: '/teams/', limit: 10 })).items.map((g) => g.groupName)).toEqual(['Audit', 'Ops']);
    // Deleting a user removes its memberships (foreign key cascade on both stores).
    await s.users.delete(id('AIDA', 'zoe'));
    expect(await s.groups.countForUser(id('AIDA', 'zoe'))).toBe(0);
    expect(await s.groups.count()).toBe(3);
  });

  it('roles: every field, optional fields cleared, last use, service-linked flag', async () => {
    const deployer = { ...role('Deployer'), description: 'deploys', permissionsBoundaryArn: policyArn('B'), serviceLinked: true };
    await s.roles.insert(deployer);
    expect(await s.roles.getByName('DEPLOYER')).toEqual(deployer);
    await s.roles.update(deployer.roleId, { description: undefined, permissionsBoundaryArn: undefined, maxSessionDuration: 7200 });
    await s.roles.recordUse(deployer.roleId, LATER, 'eu-west-1');
    const { description: _d, permissionsBoundaryArn: _b, ...rest } = deployer;
    expect(await s.roles.getById(deployer.roleId)).toEqual({
      ...rest,
      maxSessionDuration: 7200,
      lastUsedDate: LATER,
      lastUsedRegion: 'eu-west-1',
    });
    expect(await s.roles.count()).toBe(1);
    await s.roles.delete(deployer.roleId);
    expect(await s.roles.count()).toBe(0);
  });

  it('instance profiles: roles in the order added, profiles of a role by name', async () => {
    await s.roles.insert(role('R2'));
    await s.roles.insert(role('R1'));
    for (const name of ['web', 'Api'])
      await s.instanceProfiles.insert({ instanceProfileId: id('AIPA', name), instanceProfileName: name, path: '/', createDate: DATE });
    await s.instanceProfiles.addRole(id('AIPA', 'web'), id('AROA', 'R2'));
    await s.instanceProfiles.addRole(id('AIPA', 'web'), id('AROA', 'R1'));
    await s.instanceProfiles.addRole(id('AIPA', 'web'), id('AROA', 'R2'));
    await s.instanceProfiles.addRole(id('AIPA', 'Api'), id('AROA', 'R2'));
    expect(await s.instanceProfiles.listRoleIds(id('AIPA', 'web'))).toEqual([id('AROA', 'R2'), id('AROA', 'R1')]);
    expect((await s.instanceProfiles.listForRole(id('AROA', 'R2'))).map((p) => p.instanceProfileName)).toEqual(['Api', 'web']);
    await s.instanceProfiles.removeRole(id('AIPA', 'web'), id('AROA', 'R2'));
    expect(await s.instanceProfiles.listRoleIds(id('AIPA', 'web'))).toEqual([id('AROA', 'R1')]);
    expect((await s.instanceProfiles.getByName('WEB'))?.instanceProfileId).toBe(id('AIPA', 'web'));
    expect((await s.instanceProfiles.list({ limit: 1 })).next).toBe('api');
    await s.instanceProfiles.delete(id('AIPA', 'web'));
    expect(await s.instanceProfiles.count()).toBe(1);
  });

  it('managed policies: default document in one lookup, versions newest first (v10 after v9), description cleared, delete', async () => {
    await s.managedPolicies.insert({ ...policy('Ops'), description: 'ops' }, version('Ops', 'v1'));
    for (const v of ['v2', 'v9', 'v10']) await s.managedPolicies.insertVersion(version('Ops', v));
    await s.managedPolicies.update(policyArn('Ops'), {
      defaultVersionId: 'v10',
      nextVersion: 11,
      updateDate: LATER,
      description: undefined,
    });
    const stored = await s.managedPolicies.getWithDefaultDocument(policyArn('Ops'));
    expect(stored).toEqual({
      policy: { ...policy('Ops'), defaultVersionId: 'v10', nextVersion: 11, updateDate: LATER },
      document: '{"v":"v10"}',
    });
    expect((await s.managedPolicies.listVersions(policyArn('Ops'))).map((v) => v.versionId)).toEqual(['v10', 'v9', 'v2', 'v1']);
    expect(await s.managedPolicies.countVersions(policyArn('Ops'))).toBe(4);
    expect(await s.managedPolicies.getVersion(policyArn('Ops'), 'v9')).toEqual(version('Ops', 'v9'));
    await s.managedPolicies.deleteVersion(policyArn('Ops'), 'v9');
    expect(await s.managedPolicies.countVersions(policyArn('Ops'))).toBe(3);
    expect(await s.managedPolicies.getVersion(policyArn('Ops'), 'v9')).toBeUndefined();
    expect((await s.managedPolicies.getByName('OPS'))?.arn).toBe(policyArn('Ops'));
    expect(await s.managedPolicies.count()).toBe(1);
    await s.managedPolicies.delete(policyArn('Ops'));
    expect(await s.managedPolicies.getByArn(policyArn('Ops'))).toBeUndefined();
    expect(await s.managedPolicies.listVersions(policyArn('Ops'))).toEqual([]);
    expect(await s.managedPolicies.countVersions(policyArn('Ops'))).toBe(0);
  });

  it('attachments: attachment order, counts, entities by kind then name, boundary usage', async () => {
    await s.users.insert({ ...user('bo'), permissionsBoundaryArn: policyArn('P') });
    await s.users.insert(user('Al'));
    await s.groups.insert(group('G'));
    await s.roles.insert({ ...role('R'), permissionsBoundaryArn: policyArn('P') });
    const attach = (principalKind: 'user' | 'group' | 'role', principalId: string, name: string) =>
      s.attachments.attach({ principalKind, principalId, policyArn: policyArn(name), attachDate: DATE });
    await attach('role', id('AROA', 'R'), 'P');
    await attach('user', id('AIDA', 'bo'), 'P');
    await attach('group', id('AGPA', 'G'), 'P');
    await attach('user', id('AIDA', 'Al'), 'P');
    await attach('user', id('AIDA', 'Al'), 'Q');
    await attach('user', id('AIDA', 'Al'), 'A');
    await attach('user', id('AIDA', 'Al'), 'Q');
    expect((await s.attachments.listForPrincipal('user', id('AIDA', 'Al'))).map((a) => a.policyArn)).toEqual([
      policyArn('P'),
      policyArn('Q'),
      policyArn('A'),
    ]);
    expect((await s.attachments.listForPolicy(policyArn('P'))).map((a) => a.principalKind)).toEqual(['role', 'user', 'group', 'user']);
    expect(await s.attachments.countForPolicy(policyArn('P'))).toBe(4);
    expect(await s.attachments.countForPrincipal('user', id('AIDA', 'Al'))).toBe(3);
    expect(await s.attachments.countsByPolicy()).toEqual(
      new Map([
        [policyArn('P'), 4],
        [policyArn('Q'), 1],
        [policyArn('A'), 1],
      ]),
    );
    expect((await s.attachments.listEntitiesForPolicy(policyArn('P'))).map((e) => e.name)).toEqual(['G', 'Al', 'bo', 'R']);
    expect(await s.attachments.listBoundaryUsage(policyArn('P'))).toEqual([
      { principalKind: 'user', principalId: id('AIDA', 'bo'), name: 'bo', path: '/' },
      { principalKind: 'role', principalId: id('AROA', 'R'), name: 'R', path: '/' },
    ]);
    expect(await s.attachments.countBoundaryUsage(policyArn('P'))).toBe(2);
    expect(await s.attachments.boundaryCountsByPolicy()).toEqual(new Map([[policyArn('P'), 2]]));
    await s.attachments.detach('user', id('AIDA', 'Al'), policyArn('Q'));
    await s.attachments.removeAllForPrincipal('role', id('AROA', 'R'));
    expect(await s.attachments.countForPolicy(policyArn('P'))).toBe(3);
    expect(await s.attachments.countForPrincipal('user', id('AIDA', 'Al'))).toBe(2);
  });

  it('inline policies: replaced by a name differing in case, listed by folded name', async () => {
    const put = (name: string, document: string) =>
      s.inlinePolicies.put({ principalKind: 'role', principalId: 'R', policyName: name, document });
    await put('b', '1');
    await put('Abc', '2');
    await put('ABC', '3');
    expect(await s.inlinePolicies.list('role', 'R')).toEqual([
      { principalKind: 'role', principalId: 'R', policyName: 'ABC', document: '3' },
      { principalKind: 'role', principalId: 'R', policyName: 'b', document: '1' },
    ]);
    expect((await s.inlinePolicies.get('role', 'R', 'abc'))?.document).toBe('3');
    await s.inlinePolicies.delete('role', 'R', 'aBc');
    expect(await s.inlinePolicies.get('role', 'R', 'abc')).toBeUndefined();
    await s.inlinePolicies.removeAllForPrincipal('role', 'R');
    expect(await s.inlinePolicies.list('role', 'R')).toEqual([]);
  });

  it('users: getByNameWithTags reads the user (case-insensitive) and only its own tags, in their order', async () => {
    const alice = { ...user('Alice', '/eng/'), permissionsBoundaryArn: policyArn('Boundary'), passwordLastUsed: LATER };
    await s.users.insert(alice);
    await s.users.insert(user('Bob'));
    expect(await s.users.getByNameWithTags('aLiCe')).toEqual({ user: alice, tags: [] });
    await s.tags.put('user', alice.userId, [
      { Key: 'team', Value: 'core' },
      { Key: 'env', Value: '' },
    ]);
    await s.tags.put('user', alice.userId, [{ Key: 'Cost', Value: '42' }]);
    await s.tags.put('role', alice.userId, [{ Key: 'other', Value: 'kind' }]);
    await s.tags.put('user', id('AIDA', 'Bob'), [{ Key: 'bob', Value: 'b' }]);
    expect(await s.users.getByNameWithTags('ALICE')).toEqual({
      user: alice,
      tags: [
        { Key: 'team', Value: 'core' },
        { Key: 'env', Value: '' },
        { Key: 'Cost', Value: '42' },
      ],
    });
    expect(await s.users.getByNameWithTags('bob')).toEqual({ user: user('Bob'), tags: [{ Key: 'bob', Value: 'b' }] });
    expect(await s.users.getByNameWithTags('carol')).toBeUndefined();
  });

  it('tags: given order, keys replaced ignoring case in place, removed ignoring case', async () => {
    await s.tags.put('user', 'U', [
      { Key: 'team', Value: 'a' },
      { Key: 'Env', Value: 'prod' },
    ]);
    await s.tags.put('user', 'U', [
      { Key: 'TEAM', Value: 'b' },
      { Key: 'cost', Value: '1' },
    ]);
    expect(await s.tags.list('user', 'U')).toEqual([
      { Key: 'TEAM', Value: 'b' },
      { Key: 'Env', Value: 'prod' },
      { Key: 'cost', Value: '1' },
    ]);
    expect(await s.tags.count('user', 'U')).toBe(3);
    await s.tags.remove('user', 'U', ['env', 'missing']);
    expect((await s.tags.list('user', 'U')).map((t) => t.Key)).toEqual(['TEAM', 'cost']);
    expect(await s.tags.list('role', 'U')).toEqual([]);
    await s.tags.removeAll('user', 'U');
    expect(await s.tags.count('user', 'U')).toBe(0);
  });

  it('access keys: root and user keys apart, oldest first, status, last use, listAll', async () => {
    const key = (accessKeyId: string, userId: string | undefined, createDate: string) => ({
      accessKeyId,
      userId,
      secretEncrypted: `sealed:${accessKeyId}:\u00e9\u{1F511}`,
      status: 'Active' as const,
      createDate,
    });
    await s.accessKeys.insert(key('AKIAB', 'U1', LATER));
    await s.accessKeys.insert(key('AKIAA', 'U1', DATE));
    await s.accessKeys.insert(key('AKIAR', undefined, DATE));
    expect((await s.accessKeys.listForUser('U1')).map((k) => k.accessKeyId)).toEqual(['AKIAA', 'AKIAB']);
    expect((await s.accessKeys.listForUser(undefined)).map((k) => k.accessKeyId)).toEqual(['AKIAR']);
    await s.accessKeys.setStatus('AKIAA', 'Inactive');
    await s.accessKeys.recordUse('AKIAA', LATER, 'iam', 'us-east-1');
    expect(await s.accessKeys.get('AKIAA')).toEqual({
      ...key('AKIAA', 'U1', DATE),
      status: 'Inactive',
      lastUsedDate: LATER,
      lastUsedService: 'iam',
      lastUsedRegion: 'us-east-1',
    });
    expect(await s.accessKeys.get('AKIAR')).toEqual({
      ...key('AKIAR', undefined, DATE),
      lastUsedDate: undefined,
      lastUsedService: undefined,
      lastUsedRegion: undefined,
    });
    expect((await s.accessKeys.listAll()).map((k) => k.accessKeyId).sort()).toEqual(['AKIAA', 'AKIAB', 'AKIAR']);
    await s.accessKeys.delete('AKIAB');
    expect(await s.accessKeys.get('AKIAB')).toBeUndefined();
  });

  it('login profiles: update, password history newest first and trimmed', async () => {
    await s.users.insert(user('pat'));
    const userId = id('AIDA', 'pat');
    await s.loginProfiles.insert({ userId, passwordHash: 'h0', passwordResetRequired: true, createDate: DATE });
    await s.loginProfiles.update(userId, { passwordHash: 'h1', passwordResetRequired: false, passwordChangedDate: LATER });
    expect(await s.loginProfiles.get(userId)).toEqual({
      userId,
      passwordHash: 'h1',
      passwordResetRequired: false,
      createDate: DATE,
      passwordChangedDate: LATER,
    });
    for (const hash of ['a', 'b', 'c', 'd']) await s.loginProfiles.addPasswordHistory(userId, hash, DATE, 3);
    expect(await s.loginProfiles.passwordHistory(userId, 10)).toEqual(['d', 'c', 'b']);
    expect(await s.loginProfiles.passwordHistory(userId, 2)).toEqual(['d', 'c']);
    expect(await s.loginProfiles.passwordHistory(userId, 0)).toEqual([]);
    expect(await s.loginProfiles.listAll()).toHaveLength(1);
    await s.loginProfiles.delete(userId);
    expect(await s.loginProfiles.get(userId)).toBeUndefined();
  });

  it('MFA devices: serial looked up ignoring case, assignment filters in pages, counts', async () => {
    for (const name of ['b', 'a', 'C', 'd']) await s.mfaDevices.insert(mfaDevice(name));
    expect((await s.mfaDevices.get(`ARN:AWS:IAM::${ACCOUNT}:MFA/c`))?.deviceName).toBe('C');
    await s.mfaDevices.assign(mfaDevice('a').serialNumber, 'U1', DATE, 7);
    await s.mfaDevices.assign(mfaDevice('b').serialNumber, undefined, LATER, 8);
    expect(await s.mfaDevices.get(mfaDevice('b').serialNumber)).toEqual({
      ...mfaDevice('b'),
      isRoot: true,
      enableDate: LATER,
      lastUsedStep: 8,
    });
    expect((await s.mfaDevices.listForUser('U1')).map((d) => d.deviceName)).toEqual(['a']);
    expect((await s.mfaDevices.listForUser(undefined)).map((d) => d.deviceName)).toEqual(['b']);
    const names = async (assignmentStatus: 'Any' | 'Assigned' | 'Unassigned') =>
      (await allPages((after) => s.mfaDevices.list({ assignmentStatus, after, limit: 1 }))).flat().map((d) => d.deviceName);
    expect(await names('Any')).toEqual(['C', 'a', 'b', 'd']);
    expect(await names('Assigned')).toEqual(['a', 'b']);
    expect(await names('Unassigned')).toEqual(['C', 'd']);
    expect(await s.mfaDevices.count()).toBe(4);
    expect(await s.mfaDevices.countAssigned()).toBe(2);
    await s.mfaDevices.setLastUsedStep(mfaDevice('a').serialNumber, 9);
    await s.mfaDevices.unassign(mfaDevice('b').serialNumber);
    expect((await s.mfaDevices.listAssigned()).map((d) => [d.deviceName, d.lastUsedStep])).toEqual([['a', 9]]);
    await s.mfaDevices.delete(mfaDevice('d').serialNumber);
    expect(await s.mfaDevices.count()).toBe(3);
  });

  it('sessions, sign-in attempts, credential report, settings, account and aliases', async () => {
    const session = (accessKeyId: string, expiration: string) => ({
      accessKeyId,
      secretEncrypted: 's',
      sessionTokenHash: 'h',
      principal: '{"type":"user"}',
      expiration,
      createDate: DATE,
    });
    await s.sessions.insert(session('ASIA1', DATE));
    await s.sessions.insert(session('ASIA2', LATER));
    expect(await s.sessions.get('ASIA2')).toEqual(session('ASIA2', LATER));
    expect(await s.sessions.deleteExpired('2026-01-15T00:00:00.000Z')).toBe(1);
    expect(await s.sessions.count()).toBe(1);
    await s.sessions.delete('ASIA2');
    expect(await s.sessions.count()).toBe(0);

    await s.signInAttempts.put({ subject: 'user:a', failures: 2, lastFailure: DATE, lockedUntil: LATER });
    await s.signInAttempts.put({ subject: 'user:a', failures: 3, lastFailure: LATER });
    expect(await s.signInAttempts.get('user:a')).toEqual({ subject: 'user:a', failures: 3, lastFailure: LATER, lockedUntil: undefined });
    await s.signInAttempts.clear('user:a');
    expect(await s.signInAttempts.get('user:a')).toBeUndefined();

    expect(await s.credentialReports.get()).toBeUndefined();
    await s.credentialReports.put({ generatedTime: DATE, content: 'a,b\n' });
    await s.credentialReports.put({ generatedTime: LATER, content: 'c,d\n' });
    expect(await s.credentialReports.get()).toEqual({ generatedTime: LATER, content: 'c,d\n' });

    expect(await s.getSetting('k')).toBeUndefined();
    await s.setSetting('k', 'v1');
    await s.setSetting('k', 'v2');
    expect(await s.getSetting('k')).toBe('v2');

    expect(await s.account.get()).toBeUndefined();
    await s.account.create({ accountId: ACCOUNT, rootEmail: 'root@example.com', createDate: DATE });
    await s.account.update({ passwordPolicy: '{"MinimumPasswordLength":12}', rootPasswordHash: 'h' });
    await s.account.update({ rootPasswordHash: undefined });
    expect(await s.account.get()).toEqual({
      accountId: ACCOUNT,
      rootEmail: 'root@example.com',
      rootPasswordHash: undefined,
      rootPasswordLastUsed: undefined,
      rootMfaSerial: undefined,
      passwordPolicy: '{"MinimumPasswordLength":12}',
      createDate: DATE,
    });
    await s.account.addAlias('zeta');
    await s.account.addAlias('alpha');
    expect(await s.account.listAliases()).toEqual(['alpha', 'zeta']);
    await s.account.removeAlias('zeta');
    expect(await s.account.listAliases()).toEqual(['alpha']);
  });

  it('identity providers, server certificates and user credentials', async () => {
    const oidc = {
      arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/b.example`,
      url: 'b.example',
      clientIds: ['x'],
      thumbprints: ['t'],
      createDate: DATE,
    };
    await s.identityProviders.putOidc(oidc);
    await s.identityProviders.putOidc({ ...oidc, arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/a.example`, url: 'a.example' });
    await s.identityProviders.putOidc({ ...oidc, clientIds: ['x', 'y'], createDate: LATER });
    expect(await s.identityProviders.getOidc(oidc.arn)).toEqual({ ...oidc, clientIds: ['x', 'y'] });
    expect((await s.identityProviders.listOidc()).map((p) => p.url)).toEqual(['a.example', 'b.example']);
    await s.identityProviders.deleteOidc(oidc.arn);
    const saml = {
      arn: `arn:aws:iam::${ACCOUNT}:saml-provider/S`,
      name: 'S',
      metadataDocument: '<x/>',
      createDate: DATE,
      validUntil: LATER,
    };
    await s.identityProviders.putSaml(saml);
    await s.identityProviders.putSaml({ ...saml, metadataDocument: '<y/>' });
    expect(await s.identityProviders.listSaml()).toEqual([{ ...saml, metadataDocument: '<y/>' }]);
    await s.identityProviders.deleteSaml(saml.arn);
    expect(await s.identityProviders.getSaml(saml.arn)).toBeUndefined();

    const cert = (name: string, certPath: string) => ({
      serverCertificateId: id('ASCA', name),
      name,
      path: certPath,
      body: 'body',
      chain: undefined,
      privateKeySealed: 'sealed',
      uploadDate: DATE,
      expiration: LATER,
    });
    await s.serverCertificates.insert(cert('b', '/z/'));
    await s.serverCertificates.insert(cert('C', '/a/'));
    await s.serverCertificates.insert(cert('a', '/z/'));
    expect(isDuplicateKeyError(await rejection(s.serverCertificates.insert({ ...cert('A', '/'), serverCertificateId: 'ASCAOTHER' })))).toBe(
      true,
    );
    expect((await s.serverCertificates.list()).map((c) => c.name)).toEqual(['C', 'a', 'b']);
    await s.serverCertificates.update(id('ASCA', 'b'), 'B2', '/');
    expect(await s.serverCertificates.getByName('b2')).toEqual({ ...cert('B2', '/'), serverCertificateId: id('ASCA', 'b') });
    await s.serverCertificates.delete(id('ASCA', 'a'));
    expect(await s.serverCertificates.count()).toBe(2);

    await s.users.insert(user('cred'));
    const userId = id('AIDA', 'cred');
    const credential = (credentialId: string, createDate: string) => ({
      kind: 'ssh-public-key' as const,
      credentialId,
      userId,
      status: 'Active' as const,
      createDate,
      data: { body: 'ssh-rsa AAAA', fingerprint: 'aa:bb' },
    });
    await s.userCredentials.insert(credential('K2', LATER));
    await s.userCredentials.insert(credential('K1', DATE));
    await s.userCredentials.setStatus('ssh-public-key', 'K1', 'Inactive');
    await s.userCredentials.setData('ssh-public-key', 'K1', { body: 'new' });
    expect(await s.userCredentials.get('ssh-public-key', 'K1')).toEqual({
      ...credential('K1', DATE),
      status: 'Inactive',
      data: { body: 'new' },
    });
    expect((await s.userCredentials.listForUser('ssh-public-key', userId)).map((c) => c.credentialId)).toEqual(['K1', 'K2']);
    expect((await s.userCredentials.listAll('ssh-public-key')).map((c) => c.credentialId)).toEqual(['K1', 'K2']);
    expect(await s.userCredentials.countForUser('ssh-public-key', userId)).toBe(2);
    expect(await s.userCredentials.countForUser('signing-certificate', userId)).toBe(0);
    await s.userCredentials.delete('ssh-public-key', 'K2');
    expect(await s.userCredentials.countForUser('ssh-public-key', userId)).toBe(1);
  });

  it('audit: newest first in pages, filters (role sessions, outcome), pruning, last access where a later time wins', async () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/dev/Deploy_er`;
    const sessionArn = `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy_er/ci`;
    const event = (n: number, principalArn: string, errorCode?: string) => ({
      eventId: `e${n}`,
      eventTime: `2026-01-01T00:00:0${n}.000Z`,
      eventSource: 'iam.amazonaws.com',
      eventName: n % 2 === 0 ? 'GetUser' : 'CreateUser',
      principalArn,
      errorCode,
      event: JSON.stringify({ n }),
    });
    await s.audit.write(
      [
        event(1, roleArn),
        event(2, sessionArn, 'AccessDenied'),
        event(3, `arn:aws:sts::${ACCOUNT}:assumed-role/DeployXer/ci`),
        event(4, 'arn:x', 'NoSuchEntity'),
      ],
      [{ principalArn: roleArn, serviceNamespace: 'iam', lastAccessed: LATER, lastAccessedRegion: 'us-east-1' }],
    );
    await s.audit.insertMany([event(5, 'arn:x'), event(1, 'duplicate id is skipped')]);
    expect(await s.audit.count()).toBe(5);
    const pages = await allPages(async (after) => {
      const page = await s.audit.query({ limit: 2, beforeSeq: after === undefined ? undefined : Number(after) });
      return { items: page.events.map((e) => JSON.parse(e).n), next: page.nextSeq?.toString() };
    });
    expect(pages).toEqual([[5, 4], [3, 2], [1]]);
    const ns = async (query: Partial<Parameters<Subject['audit']['query']>[0]>) =>
      (await s.audit.query({ limit: 10, ...query })).events.map((e) => JSON.parse(e).n);
    expect(await ns({ principalArn: roleArn })).toEqual([2, 1]);
    expect(await ns({ outcome: 'denied' })).toEqual([2]);
    expect(await ns({ outcome: 'error' })).toEqual([4]);
    expect(await ns({ outcome: 'success' })).toEqual([5, 3, 1]);
    expect(await ns({ eventName: 'GetUser', startTime: '2026-01-01T00:00:03.000Z' })).toEqual([4]);
    expect(await ns({ endTime: '2026-01-01T00:00:02.000Z' })).toEqual([2, 1]);

    await s.audit.recordServiceAccess([
      { principalArn: roleArn, serviceNamespace: 'iam', lastAccessed: DATE, lastAccessedRegion: 'older' },
      { principalArn: roleArn, serviceNamespace: 'iam', actionName: 'CreateUser', lastAccessed: DATE, lastAccessedEntity: 'u' },
      { principalArn: 'arn:other', serviceNamespace: 's3', lastAccessed: DATE },
    ]);
    expect(await s.audit.listServiceAccess([roleArn])).toEqual([
      {
        principalArn: roleArn,
        serviceNamespace: 'iam',
        lastAccessed: LATER,
        lastAccessedEntity: undefined,
        lastAccessedRegion: 'us-east-1',
      },
    ]);
    expect(await s.audit.listActionAccess([roleArn, 'arn:none'], 'iam')).toEqual([
      {
        principalArn: roleArn,
        serviceNamespace: 'iam',
        actionName: 'CreateUser',
        lastAccessed: DATE,
        lastAccessedEntity: 'u',
        lastAccessedRegion: undefined,
      },
    ]);
    expect(await s.audit.listServiceAccess([])).toEqual([]);

    expect(await s.audit.pruneToCount(3)).toBe(2);
    expect(await ns({})).toEqual([5, 4, 3]);
    expect(await s.audit.pruneToCount(3)).toBe(0);
    expect(await s.audit.pruneOlderThan('2026-01-01T00:00:05.000Z')).toBe(2);
    expect(await s.audit.count()).toBe(1);
  });

  it('a NUL in a looked-up name finds nothing, and an event carrying one is still recorded', async () => {
    await s.users.insert(user('nul'));
    expect(await s.users.getByName('nul\u0000')).toBeUndefined();
    expect(await s.signInAttempts.get('user:123456789012:a\u0000b')).toBeUndefined();
    await s.audit.insertMany([{ eventId: 'n', eventTime: DATE, eventSource: 'iam', eventName: 'Get\u0000User', event: '{"n":"\\u0000"}' }]);
    expect((await s.audit.query({ limit: 10 })).events).toEqual(['{"n":"\\u0000"}']);
  });

  it('counts (read by quota checks) follow inserts, deletes, a failed insert, a rolled-back unit and wipe', async () => {
    const counts = async () => [
      await s.users.count(),
      await s.groups.count(),
      await s.roles.count(),
      await s.managedPolicies.count(),
      await s.instanceProfiles.count(),
      await s.serverCertificates.count(),
      await s.mfaDevices.count(),
    ];
    const insertAll = async (store: Subject, name: string) => {
      await store.users.insert(user(name));
      await store.groups.insert(group(name));
      await store.roles.insert(role(name));
      await store.managedPolicies.insert(policy(name), version(name, 'v1'));
      await store.instanceProfiles.insert({ instanceProfileId: id('AIPA', name), instanceProfileName: name, path: '/', createDate: DATE });
      await store.serverCertificates.insert({
        serverCertificateId: id('ASCA', name),
        name,
        path: '/',
        body: 'body',
        privateKeySealed: 'sealed',
        uploadDate: DATE,
        expiration: LATER,
      });
      await store.mfaDevices.insert(mfaDevice(name));
    };
    expect(await counts()).toEqual([0, 0, 0, 0, 0, 0, 0]);
    for (const name of ['a', 'b', 'c']) await insertAll(s, name);
    expect(await counts()).toEqual([3, 3, 3, 3, 3, 3, 3]);
    // A unique violation leaves the count as it was.
    expect(isDuplicateKeyError(await rejection(s.users.insert({ ...user('A'), userId: 'AIDAOTHER' })))).toBe(true);
    expect(isDuplicateKeyError(await rejection(s.roles.insert({ ...role('B'), roleId: 'AROAOTHER' })))).toBe(true);
    await s.users.delete(id('AIDA', 'a'));
    await s.groups.delete(id('AGPA', 'a'));
    await s.roles.delete(id('AROA', 'a'));
    await s.managedPolicies.delete(policyArn('a'));
    await s.instanceProfiles.delete(id('AIPA', 'a'));
    await s.serverCertificates.delete(id('ASCA', 'a'));
    await s.mfaDevices.delete(`arn:aws:iam::${ACCOUNT}:mfa/a`);
    expect(await counts()).toEqual([2, 2, 2, 2, 2, 2, 2]);
    // A unit that throws takes its inserts back, counts included; one that commits keeps them.
    await rejection(
      s.transaction(async (unit) => {
        await insertAll(unit, 'rolled-back');
        expect(await unit.users.count()).toBe(3);
        throw new Error('operation failed');
      }),
    );
    expect(await counts()).toEqual([2, 2, 2, 2, 2, 2, 2]);
    await s.groupWrite((unit) => insertAll(unit, 'kept'));
    await s.settled();
    expect(await counts()).toEqual([3, 3, 3, 3, 3, 3, 3]);
    await s.wipe();
    expect(await counts()).toEqual([0, 0, 0, 0, 0, 0, 0]);
    await insertAll(s, 'again');
    expect(await counts()).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('wipe empties every table, settings and account included', async () => {
    await s.account.create({ accountId: ACCOUNT, rootEmail: 'r@example.com', createDate: DATE });
    await s.users.insert(user('w'));
    await s.groups.insert(group('g'));
    await s.groups.addMember(id('AGPA', 'g'), id('AIDA', 'w'), DATE);
    await s.loginProfiles.insert({ userId: id('AIDA', 'w'), passwordHash: 'h', passwordResetRequired: false, createDate: DATE });
    await s.loginProfiles.addPasswordHistory(id('AIDA', 'w'), 'h', DATE, 5);
    await s.managedPolicies.insert(policy('P'), version('P', 'v1'));
    await s.setSetting('k', 'v');
    await s.audit.insertMany([{ eventId: 'e', eventTime: DATE, eventSource: 'iam', eventName: 'X', event: '{}' }]);
    await s.wipe();
    expect(await s.account.get()).toBeUndefined();
    expect(await s.users.count()).toBe(0);
    expect(await s.groups.count()).toBe(0);
    expect(await s.loginProfiles.passwordHistory(id('AIDA', 'w'), 5)).toEqual([]);
    expect(await s.managedPolicies.listVersions(policyArn('P'))).toEqual([]);
    expect(await s.getSetting('k')).toBeUndefined();
    expect(await s.audit.count()).toBe(0);
    // The store is usable again at once.
    await s.users.insert(user('w'));
    expect(await s.users.count()).toBe(1);
  });
}

describe('Store contract: SQLite', () => {
  let dataDir: string;
  let store: SqliteStore;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-store-contract-'));
    store = new SqliteStore(dataDir);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  repositoryContract(() => store);
});

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`Store contract on PostgreSQL skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('Store contract: PostgreSQL', () => {
  let cluster: PostgresCluster;
  let store: PostgresStore;
  /** A second store on the same database: another Gatehouse instance. */
  let other: PostgresStore;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    [store, other] = await Promise.all([openPostgresStore(cluster.url), openPostgresStore(cluster.url)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([store?.close(), other?.close()]);
    await cluster?.stop();
  });

  describe('repositories', () => repositoryContract(() => store));

  describe('units of work', () => {
    beforeEach(async () => {
      await store.wipe();
    });

    it('two instances opening an empty database together apply each migration once', async () => {
      const url = await cluster.createDatabase('racing_migrations');
      const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url), openPostgresStore(url)]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await client.end();
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('a unit that throws leaves nothing behind and tells the rollback listeners; nested units join it', async () => {
      let rollbacks = 0;
      store.onRollback(() => rollbacks++);
      const error = await rejection(
        store.transaction(async (unit) => {
          await unit.users.insert(user('ghost'));
          await unit.groupWrite(async (inner) => inner.groups.insert(group('ghosts')));
          expect(await unit.read((inner) => inner.users.count())).toBe(1);
          throw new Error('operation failed');
        }),
      );
      expect((error as Error).message).toBe('operation failed');
      expect(await store.users.count()).toBe(0);
      expect(await store.groups.count()).toBe(0);
      expect(rollbacks).toBe(1);
      await store.settled();
      // A unit that only read does not bother the caches when it fails.
      await rejection(store.transaction(async (unit) => Promise.reject(new Error(`no ${await unit.users.count()}`))));
      expect(rollbacks).toBe(1);
    });

    it('a committed unit is visible to the other instance when it resolves', async () => {
      await store.groupWrite(async (unit) => {
        await unit.users.insert(user('Seen'));
        await unit.tags.put('user', id('AIDA', 'Seen'), [{ Key: 'k', Value: 'v' }]);
      });
      expect((await other.users.getByName('seen'))?.userId).toBe(id('AIDA', 'Seen'));
      expect(await other.tags.list('user', id('AIDA', 'Seen'))).toEqual([{ Key: 'k', Value: 'v' }]);
    });

    it('read runs on one snapshot: a commit in between is not seen until the next unit', async () => {
      await store.users.insert(user('one'));
      const counts = await store.read(async (unit) => {
        const before = await unit.users.count();
        await other.users.insert(user('two'));
        return [before, await unit.users.count()];
      });
      expect(counts).toEqual([1, 1]);
      expect(await store.read((unit) => unit.users.count())).toBe(2);
    });

    it("20 concurrent 'count access keys, insert if fewer than 2' units on two instances leave exactly 2 keys", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, n) =>
          (n % 2 === 0 ? store : other).groupWrite(async (unit) => {
            const keys = await unit.accessKeys.listForUser('U1');
            if (keys.length >= 2) throw new Error('LimitExceeded');
            await unit.accessKeys.insert({
              accessKeyId: `AKIA${n}`,
              userId: 'U1',
              secretEncrypted: 's',
              status: 'Active',
              createDate: DATE,
            });
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
      expect(new Set(reasons)).toEqual(new Set(['LimitExceeded']));
      expect(await store.accessKeys.listForUser('U1')).toHaveLength(2);
    });

    it("10 concurrent 'attach if fewer than 3 attached' units on two instances leave exactly 3 attachments", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, n) =>
          (n % 2 === 0 ? store : other).groupWrite(async (unit) => {
            if ((await unit.attachments.countForPrincipal('role', 'R1')) >= 3) throw new Error('LimitExceeded');
            await unit.attachments.attach({ principalKind: 'role', principalId: 'R1', policyArn: policyArn(`P${n}`), attachDate: DATE });
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect(await other.attachments.countForPrincipal('role', 'R1')).toBe(3);
    });

    it("20 concurrent same-name creations ('Alice', 'ALICE', ...) on two instances: exactly one succeeds, the rest see it exists", async () => {
      const spellings = ['Alice', 'ALICE', 'alice', 'aLiCe'];
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, n) =>
          (n % 2 === 0 ? store : other).groupWrite(async (unit) => {
            const name = spellings[n % spellings.length];
            if (await unit.users.getByName(name)) throw new Error('EntityAlreadyExists');
            try {
              await unit.users.insert({ ...user(name), userId: `AIDA${n}` });
            } catch (error) {
              if (isDuplicateKeyError(error)) throw new Error('EntityAlreadyExists');
              throw error;
            }
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
      expect(new Set(reasons)).toEqual(new Set(['EntityAlreadyExists']));
      expect(await store.users.count()).toBe(1);
    });

    it('a unique violation that survives every retry is surfaced as a duplicate-key error', async () => {
      await store.users.insert(user('Taken'));
      const error = await rejection(store.groupWrite((unit) => unit.users.insert({ ...user('TAKEN'), userId: 'AIDAOTHER' })));
      expect(isDuplicateKeyError(error)).toBe(true);
    });

    it('12 concurrent policy versions on two instances: versions v1..v5 without gaps, never more than 5', async () => {
      await store.managedPolicies.insert(policy('Shared'), version('Shared', 'v1'));
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, n) =>
          (n % 2 === 0 ? store : other).groupWrite(async (unit) => {
            const current = await unit.managedPolicies.getByArn(policyArn('Shared'));
            if (!current) throw new Error('NoSuchEntity');
            if ((await unit.managedPolicies.listVersions(current.arn)).length >= 5) throw new Error('LimitExceeded');
            const versionId = `v${current.nextVersion}`;
            await unit.managedPolicies.insertVersion(version('Shared', versionId, `{"writer":${n}}`));
            await unit.managedPolicies.update(current.arn, {
              nextVersion: current.nextVersion + 1,
              defaultVersionId: versionId,
              updateDate: LATER,
            });
            return versionId;
          }),
        ),
      );
      const created = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      expect(created.sort()).toEqual(['v2', 'v3', 'v4', 'v5']);
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(
        Array(8).fill('LimitExceeded'),
      );
      expect((await store.managedPolicies.listVersions(policyArn('Shared'))).map((v) => v.versionId)).toEqual([
        'v5',
        'v4',
        'v3',
        'v2',
        'v1',
      ]);
      const stored = await other.managedPolicies.getWithDefaultDocument(policyArn('Shared'));
      expect(stored?.policy.nextVersion).toBe(6);
      expect(stored?.policy.defaultVersionId).toBe('v5');
    });

    it("20 concurrent 'count users, create if fewer than 5' units on two instances leave 5 users and a count of 5", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, n) =>
          (n % 2 === 0 ? store : other).groupWrite(async (unit) => {
            if ((await unit.users.count()) >= 5) throw new Error('LimitExceeded');
            await unit.users.insert(user(`quota-${n}`));
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
      const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
      expect(new Set(reasons)).toEqual(new Set(['LimitExceeded']));
      expect(await other.users.count()).toBe(5);
      expect((await store.users.list({ limit: 100 })).items).toHaveLength(5);
      // Deletes on both instances at once: the count follows.
      const names = (await store.users.list({ limit: 100 })).items.map((u) => u.userId);
      await Promise.all(
        names.slice(0, 4).map((userId, n) => (n % 2 === 0 ? store : other).groupWrite((unit) => unit.users.delete(userId))),
      );
      expect(await store.users.count()).toBe(1);
    });

    it('the counts migration counts the rows already stored', async () => {
      const url = await cluster.createDatabase('counts_migration');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // A database at schema version 1 (before the counts) with rows in it.
        await client.query(MIGRATIONS[0].sql);
        await client.query(
          'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        await client.query('INSERT INTO schema_migrations (version, name) VALUES (1, $1)', [MIGRATIONS[0].name]);
        for (const name of ['x', 'y', 'z'])
          await client.query("INSERT INTO users (user_id, user_name, name_key, path, create_date) VALUES ($1, $2, $2, '/', $3)", [
            id('AIDA', name),
            name,
            DATE,
          ]);
        await client.query(
          "INSERT INTO roles (role_id, role_name, name_key, path, create_date, assume_role_policy, max_session_duration, service_linked) VALUES ('AROAX', 'r', 'r', '/', $1, '{}', 3600, false)",
          [DATE],
        );
      } finally {
        await client.end();
      }
      const migrated = await openPostgresStore(url);
      try {
        expect([await migrated.users.count(), await migrated.roles.count(), await migrated.groups.count()]).toEqual([3, 1, 0]);
        await migrated.users.insert(user('w'));
        expect(await migrated.users.count()).toBe(4);
      } finally {
        await migrated.close();
      }
    });

    it('wipe from one instance empties what the other sees, in one statement that leaves the schema version', async () => {
      await other.users.insert(user('gone'));
      await store.wipe();
      expect(await other.users.count()).toBe(0);
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        expect((await client.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(MIGRATIONS.length);
      } finally {
        await client.end();
      }
    });
  });
});
