// resolveManagedPolicy and the SQLite policy repositories it reads: customer and AWS managed, default versions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/store';
import { resolveManagedPolicy } from './resolve-policy';

let dir: string;
let store: SqliteStore;
const ARN = 'arn:aws:iam::123456789012:policy/team/Reader';
const DOC_V1 = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const DOC_V2 = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h3a-store-'));
  store = openSqliteStore(dir);
  const now = '2026-01-01T00:00:00.000Z';
  await store.managedPolicies.insert(
    {
      policyId: 'ANPAAAAAAAAAAAAAAAAAA',
      arn: ARN,
      policyName: 'Reader',
      path: '/team/',
      defaultVersionId: 'v1',
      nextVersion: 2,
      createDate: now,
      updateDate: now,
    },
    { policyArn: ARN, versionId: 'v1', document: DOC_V1, createDate: now },
  );
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('resolveManagedPolicy', () => {
  it('resolves a customer managed policy to its default version, following SetDefault', async () => {
    expect(await resolveManagedPolicy(store, ARN)).toEqual({
      arn: ARN,
      policyName: 'Reader',
      path: '/team/',
      defaultVersionId: 'v1',
      document: DOC_V1,
      isAwsManaged: false,
    });
    await store.managedPolicies.insertVersion({
      policyArn: ARN,
      versionId: 'v2',
      document: DOC_V2,
      createDate: '2026-01-02T00:00:00.000Z',
    });
    await store.managedPolicies.update(ARN, { defaultVersionId: 'v2', nextVersion: 3 });
    expect((await resolveManagedPolicy(store, ARN))?.document).toBe(DOC_V2);
    expect((await store.managedPolicies.listVersions(ARN)).map((v) => v.versionId)).toEqual(['v2', 'v1']);
  });

  it('resolves AWS managed policies from the catalogue', async () => {
    const admin = await resolveManagedPolicy(store, 'arn:aws:iam::aws:policy/AdministratorAccess');
    expect(admin?.isAwsManaged).toBe(true);
    expect(JSON.parse(admin!.document).Statement).toEqual([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  }, 60_000);

  it('answers undefined for unknown or deleted policies', async () => {
    expect(await resolveManagedPolicy(store, 'arn:aws:iam::123456789012:policy/Nope')).toBeUndefined();
    expect(await resolveManagedPolicy(store, 'arn:aws:iam::aws:policy/Nope')).toBeUndefined();
    await store.managedPolicies.delete(ARN);
    expect(await resolveManagedPolicy(store, ARN)).toBeUndefined();
    expect(await store.managedPolicies.listVersions(ARN)).toEqual([]);
  });
});

describe('SQLite policy repositories', () => {
  it('counts attachments and boundary usage, and lists entities with names and paths', async () => {
    await store.users.insert({
      userId: 'AIDAUSER1',
      userName: 'Ann',
      path: '/x/',
      createDate: '2026-01-01T00:00:00.000Z',
      permissionsBoundaryArn: ARN,
    });
    await store.groups.insert({ groupId: 'AGPAGROUP1', groupName: 'Ops', path: '/', createDate: '2026-01-01T00:00:00.000Z' });
    for (const [kind, id] of [
      ['user', 'AIDAUSER1'],
      ['group', 'AGPAGROUP1'],
    ] as const) {
      await store.attachments.attach({ principalKind: kind, principalId: id, policyArn: ARN, attachDate: '2026-01-01T00:00:00.000Z' });
    }
    await store.attachments.attach({
      principalKind: 'user',
      principalId: 'AIDAUSER1',
      policyArn: ARN,
      attachDate: '2026-01-02T00:00:00.000Z',
    });
    expect(await store.attachments.countForPolicy(ARN)).toBe(2);
    expect(await store.attachments.countForPrincipal('user', 'AIDAUSER1')).toBe(1);
    expect((await store.attachments.countsByPolicy()).get(ARN)).toBe(2);
    expect(await store.attachments.countBoundaryUsage(ARN)).toBe(1);
    expect((await store.attachments.boundaryCountsByPolicy()).get(ARN)).toBe(1);
    expect(await store.attachments.listEntitiesForPolicy(ARN)).toEqual([
      { principalKind: 'group', principalId: 'AGPAGROUP1', name: 'Ops', path: '/' },
      { principalKind: 'user', principalId: 'AIDAUSER1', name: 'Ann', path: '/x/' },
    ]);
    expect(await store.attachments.listBoundaryUsage(ARN)).toEqual([
      { principalKind: 'user', principalId: 'AIDAUSER1', name: 'Ann', path: '/x/' },
    ]);
    await store.attachments.removeAllForPrincipal('user', 'AIDAUSER1');
    expect(await store.attachments.countForPolicy(ARN)).toBe(1);
  });

  it('keeps inline policies per principal, names unique ignoring case', async () => {
    await store.inlinePolicies.put({ principalKind: 'role', principalId: 'AROA1', policyName: 'Alpha', document: DOC_V1 });
    await store.inlinePolicies.put({ principalKind: 'role', principalId: 'AROA1', policyName: 'ALPHA', document: DOC_V2 });
    await store.inlinePolicies.put({ principalKind: 'role', principalId: 'AROA1', policyName: 'beta', document: DOC_V1 });
    await store.inlinePolicies.put({ principalKind: 'user', principalId: 'AROA1', policyName: 'alpha', document: DOC_V1 });
    expect((await store.inlinePolicies.list('role', 'AROA1')).map((p) => [p.policyName, p.document])).toEqual([
      ['ALPHA', DOC_V2],
      ['beta', DOC_V1],
    ]);
    expect((await store.inlinePolicies.get('role', 'AROA1', 'alpha'))?.document).toBe(DOC_V2);
    await store.inlinePolicies.delete('role', 'AROA1', 'Alpha');
    expect((await store.inlinePolicies.list('role', 'AROA1')).map((p) => p.policyName)).toEqual(['beta']);
    await store.inlinePolicies.removeAllForPrincipal('role', 'AROA1');
    expect(await store.inlinePolicies.list('role', 'AROA1')).toEqual([]);
    expect(await store.inlinePolicies.list('user', 'AROA1')).toHaveLength(1);
  });

  it('lists customer policies by path prefix with keyset pagination', async () => {
    for (const name of ['b', 'A', 'c']) {
      const arn = `arn:aws:iam::123456789012:policy/other/${name}`;
      await store.managedPolicies.insert(
        {
          policyId: `ANPA${name}`,
          arn,
          policyName: name,
          path: '/other/',
          defaultVersionId: 'v1',
          nextVersion: 2,
          createDate: 'd',
          updateDate: 'd',
        },
        { policyArn: arn, versionId: 'v1', document: DOC_V1, createDate: 'd' },
      );
    }
    const first = await store.managedPolicies.list({ pathPrefix: '/other/', limit: 2 });
    expect(first.items.map((p) => p.policyName)).toEqual(['A', 'b']);
    const second = await store.managedPolicies.list({ pathPrefix: '/other/', after: first.next, limit: 2 });
    expect(second.items.map((p) => p.policyName)).toEqual(['c']);
    expect(second.next).toBeUndefined();
    expect((await store.managedPolicies.list({ limit: 10 })).items).toHaveLength(4);
    expect((await store.managedPolicies.getByName('READER'))?.arn).toBe(ARN);
    expect(await store.managedPolicies.count()).toBe(4);
  });
});
