// MFA operations on a real SQLite store with a fixed clock: the root user's own device (no UserName, which only
// Gatehouse's own callers can omit), sign-in code checks with replay protection, and console password checks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, SecretBox } from '../../crypto/secrets';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/store';
import type { ServiceConfig } from '../../config';
import { rootPrincipal, wireOperations, type OperationContext, type Principal } from '../../core/context';
import { totpCode, totpStep } from '../totp';
import { mfaOperations } from './index';
import { acceptMfaCode, deviceOf } from './verify-mfa-code';
import { verifyConsolePassword } from '../login-profiles/verify-console-password';

const ACCOUNT = '123456789012';
const NOW = new Date('2026-06-01T10:00:05Z');
let dir: string;
let store: SqliteStore;
const secrets = new SecretBox(randomBytes(32));

function context(principal: Principal, now = NOW): OperationContext {
  return {
    principal,
    store,
    config: { accountId: ACCOUNT } as ServiceConfig,
    secrets,
    requestId: 'test',
    now,
    sourceIp: '127.0.0.1',
    userAgent: 'test',
    secureTransport: false,
    service: 'iam',
    action: 'test',
  };
}

function call(action: string, input: Record<string, unknown>, principal: Principal = rootPrincipal(ACCOUNT), now = NOW): Promise<any> {
  return store.transaction(() => wireOperations(mfaOperations)[action](context(principal, now), input));
}

async function createDevice(name: string): Promise<{ serial: string; seed: string }> {
  const { VirtualMFADevice } = await call('CreateVirtualMFADevice', { VirtualMFADeviceName: name });
  return { serial: VirtualMFADevice.SerialNumber, seed: Buffer.from(VirtualMFADevice.Base32StringSeed, 'base64').toString('ascii') };
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h2b-mfa-'));
  store = openSqliteStore(dir);
  await store.account.create({ accountId: ACCOUNT, rootEmail: 'root@example.com', createDate: '2026-01-01T00:00:00.000Z' });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the root user's MFA device", () => {
  it('is enabled without a user name, recorded on the account and listed with the root identity', async () => {
    const device = await createDevice('root-account-mfa-device');
    const step = totpStep(NOW);
    await call('EnableMFADevice', {
      SerialNumber: device.serial,
      AuthenticationCode1: totpCode(device.seed, step - 1),
      AuthenticationCode2: totpCode(device.seed, step),
    });
    expect((await store.account.get())?.rootMfaSerial).toBe(device.serial);
    expect((await call('ListMFADevices', {})).MFADevices).toEqual([
      { UserName: ACCOUNT, SerialNumber: device.serial, EnableDate: NOW.toISOString() },
    ]);
    const listed = (await call('ListVirtualMFADevices', { AssignmentStatus: 'Assigned' })).VirtualMFADevices;
    expect(listed).toHaveLength(1);
    expect(listed[0].User).toMatchObject({ UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
    expect(await store.mfaDevices.countAssigned()).toBe(1);

    await call('DeactivateMFADevice', { SerialNumber: device.serial });
    expect((await store.account.get())?.rootMfaSerial).toBeUndefined();
    expect((await call('ListMFADevices', {})).MFADevices).toEqual([]);
  });
});

/** A code check as sign-in and STS make it: the owner's enabled device, then a fresh code. */
async function verifyMfaCode(owner: { root: true } | { userId: string }, serialNumber: string, code: string, now: Date): Promise<boolean> {
  const device = await deviceOf(store, serialNumber, 'root' in owner ? undefined : owner.userId);
  return device !== undefined && (await acceptMfaCode({ store, secrets }, device, code, now));
}

describe('deviceOf + acceptMfaCode (sign-in and STS)', () => {
  it("accepts a current code of the owner's device once, and nothing else", async () => {
    await store.users.insert({ userId: 'AIDAUSER1', userName: 'alice', path: '/', createDate: NOW.toISOString() });
    const device = await createDevice('alice-phone');
    const step = totpStep(NOW);
    await call('EnableMFADevice', {
      UserName: 'alice',
      SerialNumber: device.serial,
      AuthenticationCode1: totpCode(device.seed, step - 1),
      AuthenticationCode2: totpCode(device.seed, step),
    });

    const later = new Date(NOW.getTime() + 60_000);
    const code = totpCode(device.seed, step + 2);
    expect(await verifyMfaCode({ root: true }, device.serial, code, later)).toBe(false);
    expect(await verifyMfaCode({ userId: 'AIDAOTHER' }, device.serial, code, later)).toBe(false);
    expect(await verifyMfaCode({ userId: 'AIDAUSER1' }, `arn:aws:iam::${ACCOUNT}:mfa/none`, code, later)).toBe(false);
    expect(await verifyMfaCode({ userId: 'AIDAUSER1' }, device.serial, '000000', later)).toBe(false);
    expect(await verifyMfaCode({ userId: 'AIDAUSER1' }, device.serial, code, later)).toBe(true);
    // Replay of the same code, or of an older one, is refused.
    expect(await verifyMfaCode({ userId: 'AIDAUSER1' }, device.serial, code, later)).toBe(false);
    expect(await verifyMfaCode({ userId: 'AIDAUSER1' }, device.serial, totpCode(device.seed, step + 1), later)).toBe(false);
    // The codes used to enable the device cannot be used to sign in either.
    expect(await verifyMfaCode({ userId: 'AIDAUSER1' }, device.serial, totpCode(device.seed, step), NOW)).toBe(false);
  });
});

describe('verifyConsolePassword', () => {
  beforeEach(async () => {
    await store.users.insert({ userId: 'AIDAUSER2', userName: 'bob', path: '/', createDate: NOW.toISOString() });
    await store.loginProfiles.insert({
      userId: 'AIDAUSER2',
      passwordHash: hashPassword('Bob-Password-1'),
      passwordResetRequired: false,
      createDate: '2026-05-01T00:00:00.000Z',
      passwordChangedDate: '2026-05-01T00:00:00.000Z',
    });
  });

  it('tells a wrong password, a good one, a required reset and an expired password apart', async () => {
    expect(await verifyConsolePassword(store, 'AIDAUSER2', 'wrong', NOW)).toBe('invalid');
    expect(await verifyConsolePassword(store, 'AIDANOBODY', 'Bob-Password-1', NOW)).toBe('invalid');
    expect(await verifyConsolePassword(store, 'AIDAUSER2', 'Bob-Password-1', NOW)).toBe('ok');
    await store.loginProfiles.update('AIDAUSER2', { passwordResetRequired: true });
    expect(await verifyConsolePassword(store, 'AIDAUSER2', 'Bob-Password-1', NOW)).toBe('change-required');
    await store.loginProfiles.update('AIDAUSER2', { passwordResetRequired: false });
    const policy = {
      MinimumPasswordLength: 6,
      RequireSymbols: false,
      RequireNumbers: false,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: true,
      MaxPasswordAge: 30,
    };
    await store.account.update({ passwordPolicy: JSON.stringify(policy) });
    expect(await verifyConsolePassword(store, 'AIDAUSER2', 'Bob-Password-1', NOW)).toBe('change-required');
    await store.account.update({ passwordPolicy: JSON.stringify({ ...policy, HardExpiry: true }) });
    expect(await verifyConsolePassword(store, 'AIDAUSER2', 'Bob-Password-1', NOW)).toBe('expired');
    await store.account.update({ passwordPolicy: JSON.stringify({ ...policy, MaxPasswordAge: 60 }) });
    expect(await verifyConsolePassword(store, 'AIDAUSER2', 'Bob-Password-1', NOW)).toBe('ok');
  });
});
