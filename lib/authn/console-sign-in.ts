// The console's password sign-in, as domain logic: the root user's e-mail and password, or an IAM user's account,
// name and password, plus a TOTP code when the identity has MFA; repeated failures are slowed per source address
// and per user (./sign-in-limits.ts); on success, ordinary ASIA session credentials of that principal (12 hours, or
// the shorter `durationSeconds` the console asks for, its own session length).
// Failures are thrown as typed errors (AwsError of lib/core with this route's codes and statuses); the edge
// (lib/service/sign-in-route.ts) parses the request, audits and maps the outcome to its JSON response.
import { WorkLimit } from '../core/work-limit';
import { AwsError } from '../core/errors';
import { rootPrincipal, type Principal } from '../core/context';
import { hashPasswordAsync, verifyPasswordAsync, type SecretBox } from '../crypto/secrets';
import { entityArn } from '../iam/arn';
import { verifyConsolePasswordAsync } from '../iam/login-profiles/verify-console-password';
import { acceptMfaCode } from '../iam/mfa/verify-mfa-code';
import type { Store } from '../store/types';
import { issueSession, type SessionCredentials } from './issue-session';
import type { SignInAttemptKey, SignInLimiter } from './sign-in-limits';

/** Console sessions last 12 hours unless the console asks for less (its own session is shorter). */
export const CONSOLE_SESSION_SECONDS = 12 * 3600;
/** The shortest console session the routes issue (as GetSessionToken's shortest). */
export const MIN_CONSOLE_SESSION_SECONDS = 900;

/** At most this many password hashes are computed at once; at most `waiting` more wait their turn. */
export const SIGN_IN_CONCURRENCY = { checks: 2, waiting: 32 };

export const INVALID_CREDENTIALS_MESSAGE = 'Your authentication information is incorrect. Please try again.';
export const PASSWORD_EXPIRED_MESSAGE = 'Your password has expired. Contact your administrator to reset it.';
export const MFA_REQUIRED_MESSAGE = 'Enter the MFA code for your device.';

/** A failed sign-in: counted against the limits and audited. */
export class InvalidCredentials extends AwsError {
  constructor() {
    super('InvalidCredentials', INVALID_CREDENTIALS_MESSAGE, 401);
  }
}

/** The right password, expired under a HardExpiry policy: counted and audited like a wrong one. */
export class PasswordExpired extends AwsError {
  constructor() {
    super('PasswordExpired', PASSWORD_EXPIRED_MESSAGE, 401);
  }
}

/** The right password of an identity with MFA, and no code: neither counted nor audited (the form asks for it). */
export class MfaRequired extends AwsError {
  constructor() {
    super('MfaRequired', MFA_REQUIRED_MESSAGE, 401);
  }
}

/** The attempt is held back by the sign-in limits; it was not checked. Audited, not counted. */
export class TooManyAttempts extends AwsError {
  constructor(readonly retryAfterSeconds: number) {
    super('TooManyAttempts', `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`, 429);
  }
}

/** Too many password checks at once: the attempt was refused before any check. Neither counted nor audited. */
export class SignInBusy extends AwsError {
  readonly retryAfterSeconds = 1;
  constructor() {
    super('Throttling', 'Too many sign-in requests at once. Try again in a moment.', 429);
  }
}

/** What the caller typed (already parsed and bounded by the edge). */
export type ConsoleSignInRequest = (
  | { type: 'root'; email: string; password: string; mfaCode?: string }
  | { type: 'user'; account: string; userName: string; password: string; mfaCode?: string }
) & {
  /** How long the credentials last (900-43,200 s; default 12 hours): the console asks for no more than its session. */
  durationSeconds?: number;
};

export { WorkLimit };

export interface ConsoleSignInDeps {
  store: Store;
  secrets: SecretBox;
  limiter: SignInLimiter;
  /** Bounds the password hashes computed at once (libuv's pool), so a flood of sign-ins cannot starve the API. */
  passwordChecks: WorkLimit;
}

/** The facts of the attempt that are not typed by the caller. */
export interface SignInFacts {
  /** The client's address as the mount resolved it. */
  address: string;
  now: Date;
}

export interface ConsoleSignInSuccess {
  credentials: SessionCredentials;
  /** The session's principal (with MFA and password-reset flags). */
  principal: Principal;
  passwordResetRequired: boolean;
  /** The account's alias, if it has one. */
  accountAlias?: string;
}

/** A hash checked when the identity does not exist, so that every failure costs the same time. */
/** The decoy hash, made once off the event loop (a promise, so concurrent first sign-ins share it). */
let decoyHash: Promise<string> | undefined;

interface Verified {
  principal: Principal;
  /** undefined for root. */
  userId?: string;
  passwordResetRequired: boolean;
}

/** True when `account` (an id or an alias) names this store's account. */
async function isThisAccount(store: Store, account: string): Promise<boolean> {
  const record = await store.account.get();
  if (!record) return false;
  if (account === record.accountId) return true;
  return (await store.account.listAliases()).includes(account.toLowerCase());
}

/** The limiter's key of an attempt: one subject per user whether the account is typed as its id or its alias. */
export async function signInAttemptKey(store: Store, input: ConsoleSignInRequest, address: string): Promise<SignInAttemptKey> {
  return {
    address,
    identity:
      input.type === 'root'
        ? `root:${input.email.trim().toLowerCase()}`
        : `user:${(await isThisAccount(store, input.account.trim())) ? (await store.account.get())!.accountId : input.account.trim().toLowerCase()}:${input.userName.toLowerCase()}`,
  };
}

async function checkCredentials(store: Store, input: ConsoleSignInRequest, now: Date): Promise<Verified> {
  const account = await store.account.get();
  if (!account) throw new InvalidCredentials();
  const decoy = await (decoyHash ??= hashPasswordAsync('gatehouse-decoy-password'));
  if (input.type === 'root') {
    const matches = account.rootEmail.toLowerCase() === input.email.trim().toLowerCase() && account.rootPasswordHash !== undefined;
    const valid = (await verifyPasswordAsync(input.password, matches ? account.rootPasswordHash! : decoy)) && matches;
    if (!valid) throw new InvalidCredentials();
    return { principal: rootPrincipal(account.accountId), passwordResetRequired: false };
  }
  const user = (await isThisAccount(store, input.account.trim())) ? await store.users.getByName(input.userName) : undefined;
  if (!user || !(await store.loginProfiles.get(user.userId))) {
    await verifyPasswordAsync(input.password, decoy);
    throw new InvalidCredentials();
  }
  const check = await verifyConsolePasswordAsync(store, user.userId, input.password, now);
  if (check === 'invalid') throw new InvalidCredentials();
  if (check === 'expired') throw new PasswordExpired();
  const principal: Principal = {
    type: 'IAMUser',
    accountId: account.accountId,
    arn: entityArn(account.accountId, 'user', user.path, user.userName),
    principalId: user.userId,
    userId: user.userId,
    userName: user.userName,
  };
  return { principal, userId: user.userId, passwordResetRequired: check === 'change-required' };
}

/**
 * Signs in to the console. Throws TooManyAttempts (held back, unchecked), SignInBusy (too many checks at once),
 * InvalidCredentials or PasswordExpired (each counted as a failure), or MfaRequired (no code for an identity with
 * MFA; not counted). Every attempt is counted as a failure before it is checked (any other error leaves it
 * counted) and taken back when it turns out not to be one. On success the user's failures from this address are
 * forgotten, the password's last use is recorded, and a session is issued.
 */
export async function consoleSignIn(
  deps: ConsoleSignInDeps,
  input: ConsoleSignInRequest,
  facts: SignInFacts,
): Promise<ConsoleSignInSuccess> {
  const { store, limiter } = deps;
  const { now } = facts;
  const key = await signInAttemptKey(store, input, facts.address);
  // Counted as a failure from here on, so that attempts made at once cannot all pass the limits before any of them
  // is counted; taken back below when it was not one.
  const wait = await limiter.reserve(key, now);
  if (wait > 0) throw new TooManyAttempts(wait);
  const uncounted = async (error: SignInBusy | MfaRequired) => {
    await limiter.release(key, now);
    return error;
  };

  const verified = await deps.passwordChecks.run(() => checkCredentials(store, input, now));
  if (verified === undefined) throw await uncounted(new SignInBusy());

  const devices = await store.mfaDevices.listForUser(verified.userId);
  let mfa: Pick<Principal, 'mfaAuthenticated' | 'mfaAuthTime'> = {};
  if (devices.length > 0) {
    const code = input.mfaCode?.trim();
    if (!code) throw await uncounted(new MfaRequired());
    // One device at a time, stopping at the first that accepts the code (each acceptance consumes it).
    const accepted = await store.transaction(async (store) => {
      for (const device of devices) if (await acceptMfaCode({ ...deps, store }, device, code, now)) return true;
      return false;
    });
    if (!accepted) throw new InvalidCredentials();
    mfa = { mfaAuthenticated: true, mfaAuthTime: now };
  }

  const signedIn = verified;
  await limiter.release(key, now);
  await limiter.recordSuccess(key, now);
  const session = await store.transaction(async (store) => {
    if (signedIn.userId === undefined) await store.account.update({ rootPasswordLastUsed: now.toISOString() });
    else await store.users.update(signedIn.userId, { passwordLastUsed: now.toISOString() });
    const principal: Principal = {
      ...signedIn.principal,
      ...mfa,
      issuedBy: 'ConsoleSignIn',
      ...(signedIn.passwordResetRequired ? { passwordResetRequired: true } : {}),
    };
    return issueSession({ ...deps, store }, principal, now, input.durationSeconds ?? CONSOLE_SESSION_SECONDS);
  });
  const accountAlias = (await store.account.listAliases())[0];
  return {
    credentials: session.credentials,
    principal: session.principal,
    passwordResetRequired: signedIn.passwordResetRequired,
    ...(accountAlias ? { accountAlias } : {}),
  };
}
