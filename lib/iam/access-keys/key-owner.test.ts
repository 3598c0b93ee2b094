// Whose keys an access key operation acts on: the named user, the calling user, root's own keys, or a refusal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoSuchEntity, ValidationError } from '../../core/errors';
import { SqliteStore } from '../../store/sqlite/store';
import { testContext } from '../../core/test-context';
import { rootPrincipal, type OperationContext, type Principal } from '../../core/context';
import { requireOwnedKey, resolveKeyOwner } from './key-owner';

const ACCOUNT = '123456789012';
let dataDir: string;
let store: SqliteStore;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h2a-keys-'));
  store = new SqliteStore(dataDir);
  await store.users.insert({ userId: 'AIDAALICEALICEALICEA', userName: 'Alice', path: '/', createDate: '2026-01-01T00:00:00Z' });
  await store.accessKeys.insert({
    accessKeyId: 'AKIAALICEALICEALICEA',
    userId: 'AIDAALICEALICEALICEA',
    secretEncrypted: 'x',
    status: 'Active',
    createDate: '2026-01-01T00:00:00Z',
  });
  await store.accessKeys.insert({
    accessKeyId: 'AKIAROOTROOTROOTROOT',
    secretEncrypted: 'x',
    status: 'Active',
    createDate: '2026-01-01T00:00:00Z',
  });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function ctx(principal: Principal): OperationContext {
  return testContext(store, { principal, action: 'ListAccessKeys' });
}

const alice: Principal = {
  type: 'IAMUser',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/Alice`,
  principalId: 'AIDAALICEALICEALICEA',
  userId: 'AIDAALICEALICEALICEA',
  userName: 'Alice',
};
const roleSession: Principal = {
  type: 'AssumedRole',
  accountId: ACCOUNT,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci`,
  principalId: 'AROAXXXXXXXXXXXXXXXXX:ci',
  roleName: 'deployer',
};

describe('resolveKeyOwner', () => {
  it('resolves a named user ignoring case, whoever calls', async () => {
    expect(await resolveKeyOwner(ctx(roleSession), 'alice')).toEqual({ userId: 'AIDAALICEALICEALICEA', userName: 'Alice' });
  });

  it('resolves the calling user without a name, and root to its own keys', async () => {
    expect(await resolveKeyOwner(ctx(alice), undefined)).toEqual({ userId: 'AIDAALICEALICEALICEA', userName: 'Alice' });
    expect(await resolveKeyOwner(ctx(rootPrincipal(ACCOUNT)), undefined)).toEqual({});
  });

  it('asks a role session to name the user, and rejects unknown users', async () => {
    await expect(resolveKeyOwner(ctx(roleSession), undefined)).rejects.toThrow(
      new ValidationError('Must specify userName when calling with non-User credentials'),
    );
    await expect(resolveKeyOwner(ctx(alice), 'bob')).rejects.toThrow(new NoSuchEntity('The user with name bob cannot be found.'));
  });
});

describe('requireOwnedKey', () => {
  it("finds only the owner's keys: a user's key is not root's, nor root's a user's", async () => {
    const owner = await resolveKeyOwner(ctx(alice), undefined);
    expect((await requireOwnedKey(ctx(alice), owner, 'AKIAALICEALICEALICEA')).accessKeyId).toBe('AKIAALICEALICEALICEA');
    await expect(requireOwnedKey(ctx(alice), owner, 'AKIAROOTROOTROOTROOT')).rejects.toThrow(NoSuchEntity);
    await expect(requireOwnedKey(ctx(rootPrincipal(ACCOUNT)), {}, 'AKIAALICEALICEALICEA')).rejects.toThrow(
      new NoSuchEntity('The Access Key with id AKIAALICEALICEALICEA cannot be found.'),
    );
    expect((await requireOwnedKey(ctx(rootPrincipal(ACCOUNT)), {}, 'AKIAROOTROOTROOTROOT')).userId).toBeUndefined();
  });
});
