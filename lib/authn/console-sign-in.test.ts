// The console's password sign-in over a real SQLite store: root and IAM users, account ids and aliases, the
// limits (what is counted, what is held back), MFA codes (required, wrong, replayed), an expired password and
// the bound on password checks at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { AwsError } from '../core/errors';
import { hashPassword } from '../crypto/secrets';
import { newTotpSeed, totpCode, totpStep } from '../iam/totp';
import { createService, type Service } from '../service/create-service';
import {
  CONSOLE_SESSION_SECONDS,
  consoleSignIn,
  InvalidCredentials,
  MfaRequired,
  PasswordExpired,
  SIGN_IN_CONCURRENCY,
  SignInBusy,
  TooManyAttempts,
  WorkLimit,
  type ConsoleSignInDeps,
  type ConsoleSignInRequest,
} from './console-sign-in';
import { SignInLimiter } from './sign-in-limits';

const ACCOUNT = '123456789012';
const NOW = new Date('2026-03-01T12:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

let service: Service;
let dataDir: string;
let deps: ConsoleSignInDeps;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-console-sign-in-'));
  service = await createService(
    loadConfig({
      GATEHOUSE_DATA_DIR: dataDir,
      GATEHOUSE_ACCOUNT_ID: ACCOUNT,
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'AKIAADMINADMINADMIN1',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'admin-secret',
      GATEHOUSE_DEMO: '0',
    }),
  );
  const { store } = service;
  await store.account.update({ rootEmail: 'Owner@Example.com', rootPasswordHash: hashPassword('root-password-1') });
  await store.account.addAlias('example-corp');
  deps = { store, secrets: service.secrets, limiter: new SignInLimiter(store), passwordChecks: new WorkLimit(SIGN_IN_CONCURRENCY) };
});
afterAll(async () => {
  await service.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** An IAM user with a console password (and options for its login profile). */
async function userWithPassword(userName: string, password: string, profile: { passwordResetRequired?: boolean; changed?: Date } = {}) {
  const userId = `AIDA${userName
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .padEnd(17, 'X')}`;
  await service.store.users.insert({ userId, userName, path: '/staff/', createDate: NOW.toISOString() });
  const changed = (profile.changed ?? NOW).toISOString();
  await service.store.loginProfiles.insert({
    userId,
    passwordHash: hashPassword(password),
    passwordResetRequired: profile.passwordResetRequired ?? false,
    createDate: changed,
    passwordChangedDate: changed,
  });
  return userId;
}

/** A virtual MFA device enabled for the user (or root); returns its TOTP seed. */
async function enableMfa(userId: string | undefined, deviceName: string): Promise<string> {
  const seed = newTotpSeed();
  const serialNumber = `arn:aws:iam::${ACCOUNT}:mfa/${deviceName}`;
  await service.store.mfaDevices.insert({
    serialNumber,
    deviceName,
    path: '/',
    seedEncrypted: service.secrets.encrypt(seed),
    isRoot: userId === undefined,
    createDate: NOW.toISOString(),
  });
  await service.store.mfaDevices.assign(serialNumber, userId, NOW.toISOString(), totpStep(NOW) - 10);
  return seed;
}

const user = (userName: string, password: string, extra: Partial<ConsoleSignInRequest> = {}): ConsoleSignInRequest =>
  ({ type: 'user', account: ACCOUNT, userName, password, ...extra }) as ConsoleSignInRequest;

async function failure(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected the sign-in to fail');
}

describe('consoleSignIn', () => {
  it('signs the root user in by e-mail (any case) and password, with a 12-hour session, and records the use', async () => {
    const result = await consoleSignIn(
      deps,
      { type: 'root', email: ' owner@example.COM ', password: 'root-password-1' },
      { address: '192.0.2.1', now: NOW },
    );
    expect(result.principal).toMatchObject({ type: 'Root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, temporary: true });
    expect(result.credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(result.credentials.Expiration.getTime()).toBe(NOW.getTime() + CONSOLE_SESSION_SECONDS * 1000);
    expect(result.passwordResetRequired).toBe(false);
    expect(result.accountAlias).toBe('example-corp');
    expect((await service.store.account.get())!.rootPasswordLastUsed).toBe(NOW.toISOString());
    // The session is stored: the authenticator will find it by its key id.
    expect(await service.store.sessions.get(result.credentials.AccessKeyId)).toBeDefined();
  });

  it('refuses a wrong root password or an unknown e-mail with InvalidCredentials', async () => {
    const wrong = await failure(
      consoleSignIn(deps, { type: 'root', email: 'owner@example.com', password: 'nope' }, { address: '192.0.2.2', now: NOW }),
    );
    expect(wrong).toBeInstanceOf(InvalidCredentials);
    expect(wrong).toMatchObject({ code: 'InvalidCredentials', status: 401 });
    const unknown = await failure(
      consoleSignIn(deps, { type: 'root', email: 'someone@example.com', password: 'root-password-1' }, { address: '192.0.2.2', now: NOW }),
    );
    expect(unknown).toBeInstanceOf(InvalidCredentials);
  });

  it('signs an IAM user in by account id or alias, and refuses another account or user the same way', async () => {
    const userId = await userWithPassword('alice', 'alice-password-1');
    const byId = await consoleSignIn(deps, user('alice', 'alice-password-1'), { address: '192.0.2.3', now: NOW });
    expect(byId.principal).toMatchObject({
      type: 'IAMUser',
      arn: `arn:aws:iam::${ACCOUNT}:user/staff/alice`,
      userId,
      userName: 'alice',
    });
    expect((await service.store.users.getByName('alice'))!.passwordLastUsed).toBe(NOW.toISOString());
    const byAlias = await consoleSignIn(deps, user('alice', 'alice-password-1', { account: ' EXAMPLE-corp ' }), {
      address: '192.0.2.3',
      now: later(1),
    });
    expect(byAlias.principal.arn).toBe(byId.principal.arn);
    for (const attempt of [user('alice', 'alice-password-1', { account: '210987654321' }), user('nobody', 'alice-password-1')]) {
      expect(await failure(consoleSignIn(deps, attempt, { address: '192.0.2.3', now: later(2) }))).toBeInstanceOf(InvalidCredentials);
    }
  });

  it('flags a password that must be changed, on the result and on the session principal', async () => {
    await userWithPassword('bob', 'bob-password-1', { passwordResetRequired: true });
    const result = await consoleSignIn(deps, user('bob', 'bob-password-1'), { address: '192.0.2.4', now: NOW });
    expect(result.passwordResetRequired).toBe(true);
    expect(result.principal.passwordResetRequired).toBe(true);
  });

  it('holds back a user from one address after 5 failures, even with the right password, whether typed by id or alias', async () => {
    await userWithPassword('carol', 'carol-password-1');
    const facts = { address: '192.0.2.5', now: NOW };
    for (let i = 0; i < 5; i++) {
      const account = i % 2 === 0 ? ACCOUNT : 'example-corp';
      expect(await failure(consoleSignIn(deps, user('carol', 'wrong', { account }), facts))).toBeInstanceOf(InvalidCredentials);
    }
    const held = await failure(consoleSignIn(deps, user('carol', 'carol-password-1'), facts));
    expect(held).toBeInstanceOf(TooManyAttempts);
    expect(held).toMatchObject({ code: 'TooManyAttempts', status: 429, retryAfterSeconds: 30 });
    expect(held.message).toBe('Too many failed sign-in attempts. Try again in 30 seconds.');
    // Another address is not held back, and after the wait the right password works and clears the count.
    await consoleSignIn(deps, user('carol', 'carol-password-1'), { address: '198.51.100.5', now: NOW });
    await consoleSignIn(deps, user('carol', 'carol-password-1'), { address: '192.0.2.5', now: later(31) });
    expect(await failure(consoleSignIn(deps, user('carol', 'wrong'), { address: '192.0.2.5', now: later(32) }))).toBeInstanceOf(
      InvalidCredentials,
    );
  });

  it('asks for the MFA code without counting it, counts a wrong or replayed code, and marks the session', async () => {
    const userId = await userWithPassword('dave', 'dave-password-1');
    const seed = await enableMfa(userId, 'dave-phone');
    const facts = { address: '192.0.2.6', now: NOW };
    for (let i = 0; i < 6; i++) {
      expect(await failure(consoleSignIn(deps, user('dave', 'dave-password-1'), facts))).toBeInstanceOf(MfaRequired);
    }
    const code = totpCode(seed, totpStep(NOW));
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await failure(consoleSignIn(deps, user('dave', 'dave-password-1', { mfaCode: wrong }), facts))).toBeInstanceOf(
      InvalidCredentials,
    );
    const result = await consoleSignIn(deps, user('dave', 'dave-password-1', { mfaCode: ` ${code} ` }), facts);
    expect(result.principal).toMatchObject({ mfaAuthenticated: true, mfaAuthTime: NOW });
    // The same code again is a replay.
    expect(await failure(consoleSignIn(deps, user('dave', 'dave-password-1', { mfaCode: code }), facts))).toBeInstanceOf(
      InvalidCredentials,
    );
    // A wrong password with MFA is refused before the code is asked for.
    expect(await failure(consoleSignIn(deps, user('dave', 'wrong'), facts))).toBeInstanceOf(InvalidCredentials);
  });

  it('refuses an expired password under a HardExpiry policy with PasswordExpired, and counts it', async () => {
    await userWithPassword('erin', 'erin-password-1', { changed: new Date('2025-01-01T00:00:00Z') });
    const policy = (await service.store.account.get())!.passwordPolicy;
    await service.store.account.update({
      passwordPolicy: JSON.stringify({ MinimumPasswordLength: 8, MaxPasswordAge: 30, HardExpiry: true }),
    });
    try {
      const facts = { address: '192.0.2.7', now: NOW };
      for (let i = 0; i < 5; i++) {
        const expired = await failure(consoleSignIn(deps, user('erin', 'erin-password-1'), facts));
        expect(expired).toBeInstanceOf(PasswordExpired);
        expect(expired).toMatchObject({ code: 'PasswordExpired', status: 401 });
      }
      expect(await failure(consoleSignIn(deps, user('erin', 'erin-password-1'), facts))).toBeInstanceOf(TooManyAttempts);
    } finally {
      await service.store.account.update({ passwordPolicy: policy });
    }
  });

  it('checks at most 5 of 30 wrong passwords sent at once for one user from one address, and holds back the rest', async () => {
    await userWithPassword('grace', 'grace-password-1');
    const facts = { address: '192.0.2.9', now: NOW };
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => failure(consoleSignIn(deps, user('grace', `wrong-${i}`), facts))),
    );
    expect(outcomes.filter((error) => error instanceof InvalidCredentials)).toHaveLength(5);
    expect(outcomes.filter((error) => error instanceof TooManyAttempts)).toHaveLength(25);
    expect(await failure(consoleSignIn(deps, user('grace', 'grace-password-1'), facts))).toBeInstanceOf(TooManyAttempts);
  });

  it('checks at most 5 of 30 MFA codes sent at once with the right password, and does not count right passwords', async () => {
    const userId = await userWithPassword('heidi', 'heidi-password-1');
    const seed = await enableMfa(userId, 'heidi-phone');
    const code = totpCode(seed, totpStep(NOW));
    const guesses = Array.from({ length: 30 }, (_, i) => String(100000 + i)).filter((guess) => guess !== code);
    const facts = { address: '192.0.2.10', now: NOW };
    const outcomes = await Promise.all(
      guesses.map((guess) => failure(consoleSignIn(deps, user('heidi', 'heidi-password-1', { mfaCode: guess }), facts))),
    );
    expect(outcomes.filter((error) => error instanceof InvalidCredentials)).toHaveLength(5);
    expect(outcomes.filter((error) => error instanceof TooManyAttempts)).toHaveLength(guesses.length - 5);
    // Right passwords without a code are taken back once answered: bursts of 5 at once, again and again, are asked for it.
    const elsewhere = { ...facts, address: '192.0.2.11' };
    for (let burst = 0; burst < 3; burst++) {
      const asked = await Promise.all(
        Array.from({ length: 5 }, () => failure(consoleSignIn(deps, user('heidi', 'heidi-password-1'), elsewhere))),
      );
      expect(asked.every((error) => error instanceof MfaRequired)).toBe(true);
    }
    await consoleSignIn(deps, user('heidi', 'heidi-password-1', { mfaCode: code }), { ...facts, address: '192.0.2.11' });
  });

  it('refuses with SignInBusy, uncounted, when no password check may start', async () => {
    await userWithPassword('frank', 'frank-password-1');
    const full = { ...deps, passwordChecks: new WorkLimit({ checks: 0, waiting: 0 }) };
    const facts = { address: '192.0.2.8', now: NOW };
    for (let i = 0; i < 6; i++) {
      const busy = await failure(consoleSignIn(full, user('frank', 'wrong'), facts));
      expect(busy).toBeInstanceOf(SignInBusy);
      expect(busy).toMatchObject({ code: 'Throttling', status: 429, retryAfterSeconds: 1 });
    }
    await consoleSignIn(deps, user('frank', 'frank-password-1'), facts);
  });
});

describe('WorkLimit', () => {
  it('runs at most `checks` at once, queues at most `waiting`, and refuses the rest', async () => {
    const limit = new WorkLimit({ checks: 1, waiting: 1 });
    let release!: () => void;
    const first = limit.run(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    const second = limit.run(async () => 'second');
    expect(await limit.run(async () => 'third')).toBeUndefined();
    release();
    expect(await first).toBe('first');
    expect(await second).toBe('second');
    expect(await limit.run(async () => 'fourth')).toBe('fourth');
  });
});
