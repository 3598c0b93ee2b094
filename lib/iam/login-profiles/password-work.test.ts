// Password work prepared before the unit (off the event loop) and looked up inside it: the same answers as
// computing it in the unit, and advice about a stored hash that has since changed is not used.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessDenied, PasswordPolicyViolation, Throttling } from '../../core/errors';
import { SqliteStore } from '../../store/sqlite/store';
import { testContext } from '../../core/test-context';
import { hashPassword, verifyPassword } from '../../crypto/secrets';
import type { OperationContext, PasswordWork, Principal } from '../../core/context';
import { changePassword } from './change-password';
import { createLoginProfile } from './create-login-profile';
import { updateLoginProfile } from './update-login-profile';
import { preparePasswordWork } from './password-work';

const ACCOUNT = '123456789012';
const USER_ID = 'AIDAALICEALICEALICEA';
let dataDir: string;
let store: SqliteStore;

const alice: Principal = {
  type: 'IAMUser',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  principalId: USER_ID,
  userId: USER_ID,
  userName: 'alice',
};

function ctx(action: string, passwords?: PasswordWork): OperationContext {
  return testContext(store, { principal: alice, action, passwords });
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-password-work-'));
  store = new SqliteStore(dataDir);
  await store.account.create({
    accountId: ACCOUNT,
    rootEmail: 'root@example.com',
    createDate: '2026-01-01T00:00:00Z',
    passwordPolicy: JSON.stringify({ MinimumPasswordLength: 8, PasswordReusePrevention: 3, AllowUsersToChangePassword: true }),
  });
  await store.users.insert({ userId: USER_ID, userName: 'alice', path: '/', createDate: '2026-01-01T00:00:00Z' });
  const now = '2026-01-01T00:00:00Z';
  await store.loginProfiles.insert({
    userId: USER_ID,
    passwordHash: hashPassword('Current-Pass-1'),
    passwordResetRequired: false,
    createDate: now,
    passwordChangedDate: now,
  });
  await store.loginProfiles.addPasswordHistory(USER_ID, hashPassword('Reused-Pass-1'), now, 24);
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.constructor.name : String(error);
  }
}

describe('ChangePassword with prepared password work', () => {
  it('checks the old password and the history before the unit, and stores the hash it prepared', async () => {
    const input = { OldPassword: 'Current-Pass-1', NewPassword: 'Brand-New-Pass-2' };
    const work = await changePassword.prepare!(ctx('ChangePassword'), input);
    expect(work.verdicts.size).toBe(2); // the old password against the profile, the new one against one history entry
    expect([...work.verdicts.values()].sort()).toEqual([false, true]); // the old password matches; the new one is not reused
    const prepared = work.hashes.get('Brand-New-Pass-2')!;
    expect(verifyPassword('Brand-New-Pass-2', prepared)).toBe(true);
    await changePassword(ctx('ChangePassword', work), input);
    expect((await store.loginProfiles.get(USER_ID))!.passwordHash).toBe(prepared);
  });

  it('gives the same answers with and without the prepared work', async () => {
    const cases = [
      { OldPassword: 'Wrong-Pass-9', NewPassword: 'Brand-New-Pass-2' },
      { OldPassword: 'Current-Pass-1', NewPassword: 'Reused-Pass-1' },
    ];
    for (const input of cases) {
      const work = await changePassword.prepare!(ctx('ChangePassword'), input);
      const withWork = await outcome(() => changePassword(ctx('ChangePassword', work), input));
      const without = await outcome(() => changePassword(ctx('ChangePassword'), input));
      expect(withWork).toBe(without);
    }
    expect(await outcome(() => changePassword(ctx('ChangePassword'), cases[0]))).toBe(AccessDenied.name);
    expect(await outcome(() => changePassword(ctx('ChangePassword'), cases[1]))).toBe(PasswordPolicyViolation.name);
  });

  it('does not use a verdict about a stored hash that changed before the unit ran', async () => {
    const input = { OldPassword: 'Current-Pass-1', NewPassword: 'Brand-New-Pass-2' };
    const work = await changePassword.prepare!(ctx('ChangePassword'), input);
    // An administrator resets the password in between: the prepared "old password matches" is about the old hash.
    await store.loginProfiles.update(USER_ID, { passwordHash: hashPassword('Admin-Set-Pass-3') });
    expect(await outcome(() => changePassword(ctx('ChangePassword', work), input))).toBe(AccessDenied.name);
  });
});

describe('CreateLoginProfile and UpdateLoginProfile with prepared password work', () => {
  it('store the hash prepared before the unit', async () => {
    await store.users.insert({ userId: 'AIDABOBBOBBOBBOBBOB1', userName: 'bob', path: '/', createDate: '2026-01-01T00:00:00Z' });
    const create = { UserName: 'bob', Password: 'Bobs-Pass-1' };
    const created = await createLoginProfile.prepare!(ctx('CreateLoginProfile'), create);
    await createLoginProfile(ctx('CreateLoginProfile', created), create);
    expect((await store.loginProfiles.get('AIDABOBBOBBOBBOBBOB1'))!.passwordHash).toBe(created.hashes.get('Bobs-Pass-1'));

    const update = { UserName: 'bob', Password: 'Bobs-Pass-2' };
    const updated = await updateLoginProfile.prepare!(ctx('UpdateLoginProfile'), update);
    await updateLoginProfile(ctx('UpdateLoginProfile', updated), update);
    const stored = (await store.loginProfiles.get('AIDABOBBOBBOBBOBBOB1'))!.passwordHash;
    expect(stored).toBe(updated.hashes.get('Bobs-Pass-2'));
    expect(verifyPassword('Bobs-Pass-2', stored)).toBe(true);
  });
});

describe('preparePasswordWork', () => {
  it('runs one request at a time with 64 waiting, and answers Throttling beyond that', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const order: number[] = [];
    const pending = Array.from({ length: 65 }, (_, i) =>
      preparePasswordWork(async () => {
        order.push(i);
        await gate;
      }),
    );
    await expect(preparePasswordWork(async () => {})).rejects.toBeInstanceOf(Throttling);
    expect(order).toEqual([0]);
    release();
    await Promise.all(pending);
    expect(order).toEqual(Array.from({ length: 65 }, (_, i) => i));
    await expect(preparePasswordWork(async () => {})).resolves.toMatchObject({ hashes: new Map(), verdicts: new Map() });
  });
});
