// The SQLite roles and instance profiles repositories: names unique ignoring case, path-prefix keyset pages,
// updates that clear optional columns, last use, and the role link of instance profiles.
import { describe, expect, it } from 'vitest';
import type { RoleRecord } from '../roles';
import { withFreshSqliteStore } from './fresh-store.fixtures';
import type { SqliteStore } from './store';

let store: SqliteStore;
withFreshSqliteStore('gh-h3b-roles-', (fresh) => (store = fresh));

const DATE = '2026-01-01T00:00:00.000Z';
const TRUST = '{"Version":"2012-10-17","Statement":[]}';

async function role(name: string, rolePath = '/', extra: Partial<RoleRecord> = {}): Promise<RoleRecord> {
  const record: RoleRecord = {
    roleId: `AROA${name
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, 'X')
      .padEnd(17, 'X')
      .slice(0, 17)}`,
    roleName: name,
    path: rolePath,
    createDate: DATE,
    assumeRolePolicy: TRUST,
    maxSessionDuration: 3600,
    serviceLinked: false,
    ...extra,
  };
  await store.roles.insert(record);
  return record;
}

describe('SqliteRoleRepository', () => {
  it('round-trips every column and finds a role by name ignoring case', async () => {
    const record = await role('Deployer', '/ci/', {
      description: 'deploys',
      maxSessionDuration: 7200,
      permissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      serviceLinked: true,
    });
    expect(await store.roles.getByName('DEPLOYER')).toEqual(record);
    expect(await store.roles.getById(record.roleId)).toEqual(record);
    expect(await store.roles.getByName('nobody')).toBeUndefined();
  });

  it('rejects a second role whose name differs only in case', async () => {
    await role('App');
    await expect(role('APP', '/', { roleId: 'AROAOTHERXXXXXXXXXXXX' })).rejects.toThrow();
  });

  it('lists by name ignoring case in keyset pages, filtered by path prefix', async () => {
    for (const name of ['b', 'A', 'c', 'D']) await role(name, '/team/');
    await role('outside', '/other/');
    const first = await store.roles.list({ pathPrefix: '/team/', limit: 3 });
    expect(first.items.map((r) => r.roleName)).toEqual(['A', 'b', 'c']);
    expect(first.next).toBe('c');
    const second = await store.roles.list({ pathPrefix: '/team/', after: first.next, limit: 3 });
    expect(second.items.map((r) => r.roleName)).toEqual(['D']);
    expect(second.next).toBeUndefined();
    expect((await store.roles.list({ limit: 10 })).items).toHaveLength(5);
    expect((await store.roles.list({ pathPrefix: '/', limit: 10 })).items).toHaveLength(5);
    expect(await store.roles.count()).toBe(5);
  });

  it('treats % and _ in a path prefix literally', async () => {
    await role('literal', '/a_b/');
    await role('wild', '/axb/');
    expect((await store.roles.list({ pathPrefix: '/a_', limit: 10 })).items.map((r) => r.roleName)).toEqual(['literal']);
  });

  it('updates only the given fields and clears a boundary set to undefined', async () => {
    const record = await role('r', '/', { description: 'old', permissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    await store.roles.update(record.roleId, { maxSessionDuration: 43200 });
    expect(await store.roles.getById(record.roleId)).toMatchObject({ description: 'old', maxSessionDuration: 43200 });
    await store.roles.update(record.roleId, { permissionsBoundaryArn: undefined, assumeRolePolicy: '{}' });
    const updated = (await store.roles.getById(record.roleId))!;
    expect(updated.permissionsBoundaryArn).toBeUndefined();
    expect(updated.assumeRolePolicy).toBe('{}');
    expect(updated.description).toBe('old');
  });

  it('records the last use and deletes', async () => {
    const record = await role('used');
    await store.roles.recordUse(record.roleId, '2026-02-02T00:00:00.000Z', 'eu-west-1');
    expect(await store.roles.getById(record.roleId)).toMatchObject({
      lastUsedDate: '2026-02-02T00:00:00.000Z',
      lastUsedRegion: 'eu-west-1',
    });
    await store.roles.delete(record.roleId);
    expect(await store.roles.getById(record.roleId)).toBeUndefined();
    expect(await store.roles.count()).toBe(0);
  });
});

describe('SqliteInstanceProfileRepository', () => {
  async function profile(name: string, profilePath = '/') {
    const record = {
      instanceProfileId: `AIPA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`,
      instanceProfileName: name,
      path: profilePath,
      createDate: DATE,
    };
    await store.instanceProfiles.insert(record);
    return record;
  }

  it('finds, lists and counts instance profiles', async () => {
    const web = await profile('Web', '/apps/');
    await profile('batch', '/apps/');
    await profile('other', '/x/');
    expect(await store.instanceProfiles.getByName('WEB')).toEqual(web);
    expect(await store.instanceProfiles.getById(web.instanceProfileId)).toEqual(web);
    const page = await store.instanceProfiles.list({ pathPrefix: '/apps/', limit: 1 });
    expect(page.items.map((p) => p.instanceProfileName)).toEqual(['batch']);
    expect(
      (await store.instanceProfiles.list({ pathPrefix: '/apps/', after: page.next, limit: 1 })).items.map((p) => p.instanceProfileName),
    ).toEqual(['Web']);
    expect(await store.instanceProfiles.count()).toBe(3);
  });

  it('links roles, lists profiles of a role, and drops links when either side is deleted', async () => {
    const web = await profile('web');
    const batch = await profile('batch');
    const app = await role('app');
    await store.instanceProfiles.addRole(web.instanceProfileId, app.roleId);
    await store.instanceProfiles.addRole(batch.instanceProfileId, app.roleId);
    await store.instanceProfiles.addRole(web.instanceProfileId, app.roleId);
    expect(await store.instanceProfiles.listRoleIds(web.instanceProfileId)).toEqual([app.roleId]);
    expect((await store.instanceProfiles.listForRole(app.roleId)).map((p) => p.instanceProfileName)).toEqual(['batch', 'web']);
    await store.instanceProfiles.removeRole(batch.instanceProfileId, app.roleId);
    expect((await store.instanceProfiles.listForRole(app.roleId)).map((p) => p.instanceProfileName)).toEqual(['web']);
    await store.roles.delete(app.roleId);
    expect(await store.instanceProfiles.listRoleIds(web.instanceProfileId)).toEqual([]);
    await store.instanceProfiles.delete(web.instanceProfileId);
    expect(await store.instanceProfiles.getByName('web')).toBeUndefined();
  });
});
