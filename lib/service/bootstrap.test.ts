// First start: account, root, admin with the configured key pair, the seed documents' demo data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createService, type Service } from './create-service';

const opened: Array<{ service: Service; dir: string }> = [];
async function open(env: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-boot-'));
  const service = await createService(loadConfig({ GATEHOUSE_DATA_DIR: dir, ...env }));
  opened.push({ service, dir });
  return { service, dir };
}
afterEach(async () => {
  for (const { service, dir } of opened.splice(0)) {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('bootstrap', () => {
  it('creates the account once, with the admin key pair from the environment', async () => {
    const { service, dir } = await open({
      GATEHOUSE_ACCOUNT_ID: '111122223333',
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
    });
    expect(service.firstRun?.accountId).toBe('111122223333');
    expect(service.firstRun?.adminSecretAccessKey).toBeUndefined();
    const key = await service.store.accessKeys.get('test');
    expect(key && service.secrets.decrypt(key.secretEncrypted)).toBe('test');
    expect(key?.secretEncrypted).not.toContain('test');
    await service.close();
    opened.pop();
    const again = await createService(loadConfig({ GATEHOUSE_DATA_DIR: dir }));
    opened.push({ service: again, dir });
    expect(again.firstRun).toBeUndefined();
    expect((await again.store.account.get())?.accountId).toBe('111122223333');
  });

  it("creates the seed documents' users, groups and roles in demo mode", async () => {
    const { service } = await open({ GATEHOUSE_DEMO: '1' });
    const names = (await service.store.users.list({ pathPrefix: '/example/path/2/', limit: 100 })).items.map((u) => u.userName);
    expect(names).toEqual(['techsquawks-user-2', 'techsquawks-user-2a']);
    for (const group of ['Admins', 'Developers', 'Devops', 'Administrators'])
      expect(await service.store.groups.getByName(group)).toBeDefined();
    expect(await service.store.roles.getByName('ec2-app-role')).toBeDefined();
    expect(service.firstRun?.rootPassword).toMatch(/.{16,}/);
  });

  it('starts an empty account with GATEHOUSE_DEMO=0', async () => {
    const { service } = await open({ GATEHOUSE_DEMO: '0' });
    expect(await service.store.users.count()).toBe(1);
    expect(await service.store.users.getByName('admin')).toBeDefined();
  });

  it('keeps the master key in the data directory with mode 0600', async () => {
    const { dir } = await open({});
    expect(fs.statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
  });
});
