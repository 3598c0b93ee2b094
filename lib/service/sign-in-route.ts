// POST /_gatehouse/sign-in: console sign-in (a Gatehouse route, not an AWS action). Verifies the root user's
// e-mail and password, or an IAM user's account, name and password, plus a TOTP code when the identity has
// MFA; locks out with exponential back-off per account+user and per source address; on success issues
// ordinary ASIA session credentials of that principal (12 hours), so the console can do only what it may.
import { z } from 'zod';
import { issueSession, type SessionCredentials } from '../authn/issue-session';
import type { ServiceConfig } from '../config';
import { hashPassword, verifyPassword, type SecretBox } from '../crypto/secrets';
import { entityArn } from '../iam/arn';
import { rootPrincipal, type Principal } from '../iam/context';
import { verifyConsolePassword } from '../iam/login-profiles/verify-console-password';
import { newRequestId } from '../crypto/ids';
import type { AuditSink } from '../protocol/pipeline';
import { jsonResponse, type WireRequest, type WireResponse } from '../protocol/wire';
import type { Store } from '../store/types';
import { acceptMfaCode } from '../iam/mfa/verify-mfa-code';

/** Console sessions last 12 hours. */
export const CONSOLE_SESSION_SECONDS = 12 * 3600;

const INVALID_MESSAGE = 'Your authentication information is incorrect. Please try again.';
const MFA_REQUIRED_MESSAGE = 'Enter the MFA code for your device.';

/** Lockout rules: after `threshold` failures, locked for `baseSeconds * 2^(failures - threshold)`, capped. */
export const LOCKOUT = {
  identity: { threshold: 5, baseSeconds: 30 },
  address: { threshold: 20, baseSeconds: 30 },
  maxSeconds: 15 * 60,
  /** Failures older than this are forgotten. */
  forgetAfterSeconds: 3600,
};

const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('root'),
    email: z.string().min(1).max(256),
    password: z.string().min(1).max(512),
    mfaCode: z.string().max(16).optional(),
  }),
  z.object({
    type: z.literal('user'),
    account: z.string().min(1).max(64),
    userName: z.string().min(1).max(128),
    password: z.string().min(1).max(512),
    mfaCode: z.string().max(16).optional(),
  }),
]);

type SignInRequest = z.infer<typeof requestSchema>;

/** A hash checked when the identity does not exist, so that every failure costs the same time. */
let decoyHash: string | undefined;

interface Verified {
  principal: Principal;
  /** undefined for root. */
  userId?: string;
  passwordResetRequired: boolean;
}

type Outcome = { ok: Verified } | { error: 'InvalidCredentials' | 'PasswordExpired' };

/** The client's address as the mount resolved it (lib/service/client-address.ts): the console relays the browser's. */
function clientAddress(request: WireRequest): string {
  return request.sourceIp;
}

function tooMany(retryAfterSeconds: number): WireResponse {
  const response = jsonResponse(429, {
    error: 'TooManyAttempts',
    message: `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
    retryAfterSeconds,
  });
  response.headers['retry-after'] = String(retryAfterSeconds);
  return response;
}

/** Builds the route handler. */
export function signInRoute(deps: { store: Store; secrets: SecretBox; config: ServiceConfig; audit?: AuditSink; clock?: () => Date }) {
  const { store } = deps;
  const clock = deps.clock ?? (() => new Date());

  function lockedFor(subject: string, now: Date): number {
    const record = store.signInAttempts.get(subject);
    if (!record?.lockedUntil) return 0;
    const remaining = Date.parse(record.lockedUntil) - now.getTime();
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  function recordFailure(subject: string, rule: { threshold: number; baseSeconds: number }, now: Date): void {
    const record = store.signInAttempts.get(subject);
    const stale = record && now.getTime() - Date.parse(record.lastFailure) > LOCKOUT.forgetAfterSeconds * 1000;
    const failures = (record && !stale ? record.failures : 0) + 1;
    let lockedUntil: string | undefined;
    if (failures >= rule.threshold) {
      const seconds = Math.min(LOCKOUT.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.threshold));
      lockedUntil = new Date(now.getTime() + seconds * 1000).toISOString();
    }
    store.signInAttempts.put({ subject, failures, lastFailure: now.toISOString(), lockedUntil });
  }

  function resolveAccount(account: string): boolean {
    const record = store.account.get();
    if (!record) return false;
    if (account === record.accountId) return true;
    return store.account.listAliases().includes(account.toLowerCase());
  }

  function checkCredentials(input: SignInRequest, now: Date): Outcome {
    const account = store.account.get();
    if (!account) return { error: 'InvalidCredentials' };
    decoyHash ??= hashPassword('gatehouse-decoy-password');
    if (input.type === 'root') {
      const matches = account.rootEmail.toLowerCase() === input.email.trim().toLowerCase() && account.rootPasswordHash !== undefined;
      const valid = verifyPassword(input.password, matches ? account.rootPasswordHash! : decoyHash) && matches;
      if (!valid) return { error: 'InvalidCredentials' };
      return { ok: { principal: rootPrincipal(account.accountId), passwordResetRequired: false } };
    }
    const user = resolveAccount(input.account.trim()) ? store.users.getByName(input.userName) : undefined;
    if (!user || !store.loginProfiles.get(user.userId)) {
      verifyPassword(input.password, decoyHash);
      return { error: 'InvalidCredentials' };
    }
    const check = verifyConsolePassword(store, user.userId, input.password, now);
    if (check === 'invalid') return { error: 'InvalidCredentials' };
    if (check === 'expired') return { error: 'PasswordExpired' };
    const principal: Principal = {
      type: 'IAMUser',
      accountId: account.accountId,
      arn: entityArn(account.accountId, 'user', user.path, user.userName),
      principalId: user.userId,
      userId: user.userId,
      userName: user.userName,
    };
    return { ok: { principal, userId: user.userId, passwordResetRequired: check === 'change-required' } };
  }

  /** A CloudTrail-style `ConsoleLogin` event (no password, no credentials in it). */
  function audit(request: WireRequest, input: SignInRequest, now: Date, outcome: { principal?: Principal; error?: { code: string; message: string }; status: number }) {
    if (!deps.audit) return;
    const parameters: Record<string, unknown> =
      input.type === 'root' ? { LoginTo: 'root', Email: input.email } : { LoginTo: input.account, UserName: input.userName };
    try {
      deps.audit.record({
        info: { request: { ...request, sourceIp: clientAddress(request) }, params: new Map(), service: 'iam', action: 'ConsoleLogin', requestId: newRequestId(), now },
        principal: outcome.principal,
        input: parameters,
        output: outcome.error ? undefined : { ConsoleLogin: 'Success' },
        error: outcome.error,
        status: outcome.status,
      });
    } catch (error) {
      console.error('[gatehouse] audit of a sign-in failed:', error instanceof Error ? error.message : String(error));
    }
  }

  return (request: WireRequest): WireResponse => {
    if (request.method !== 'POST') return jsonResponse(405, { error: 'MethodNotAllowed', message: 'Use POST.' });
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return jsonResponse(400, { error: 'InvalidRequest', message: 'The request body must be JSON.' });
    }
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) {
      return jsonResponse(400, { error: 'InvalidRequest', message: 'Expected {"type":"root",email,password} or {"type":"user",account,userName,password}.' });
    }
    const input = parsed.data;
    const now = clock();
    const addressSubject = `ip:${clientAddress(request)}`;
    const identitySubject =
      input.type === 'root'
        ? `root:${input.email.trim().toLowerCase()}`
        : // One subject per user whether the account is typed as its id or its alias.
          `user:${resolveAccount(input.account.trim()) ? store.account.get()!.accountId : input.account.trim().toLowerCase()}:${input.userName.toLowerCase()}`;
    const wait = Math.max(lockedFor(identitySubject, now), lockedFor(addressSubject, now));
    if (wait > 0) {
      audit(request, input, now, { error: { code: 'TooManyAttempts', message: 'Too many failed sign-in attempts.' }, status: 429 });
      return tooMany(wait);
    }

    const fail = (error: 'InvalidCredentials' | 'PasswordExpired') => {
      store.transaction(() => {
        recordFailure(identitySubject, LOCKOUT.identity, now);
        recordFailure(addressSubject, LOCKOUT.address, now);
      });
      const message = error === 'PasswordExpired' ? 'Your password has expired. Contact your administrator to reset it.' : INVALID_MESSAGE;
      audit(request, input, now, { error: { code: error, message }, status: 401 });
      return jsonResponse(401, { error, message });
    };

    const outcome = checkCredentials(input, now);
    if ('error' in outcome) return fail(outcome.error);
    const verified = outcome.ok;

    const devices = store.mfaDevices.listForUser(verified.userId);
    let mfa: Pick<Principal, 'mfaAuthenticated' | 'mfaAuthTime'> = {};
    if (devices.length > 0) {
      const code = input.mfaCode?.trim();
      if (!code) return jsonResponse(401, { error: 'MfaRequired', message: MFA_REQUIRED_MESSAGE });
      const accepted = store.transaction(() => devices.some((device) => acceptMfaCode(deps, device, code, now)));
      if (!accepted) return fail('InvalidCredentials');
      mfa = { mfaAuthenticated: true, mfaAuthTime: now };
    }

    const result = store.transaction(() => {
      store.signInAttempts.clear(identitySubject);
      if (verified.userId === undefined) store.account.update({ rootPasswordLastUsed: now.toISOString() });
      else store.users.update(verified.userId, { passwordLastUsed: now.toISOString() });
      const principal: Principal = {
        ...verified.principal,
        ...mfa,
        ...(verified.passwordResetRequired ? { passwordResetRequired: true } : {}),
      };
      return issueSession(deps, principal, now, CONSOLE_SESSION_SECONDS);
    });
    const credentials: SessionCredentials = result.credentials;
    audit(request, input, now, { principal: result.principal, status: 200 });
    const alias = store.account.listAliases()[0];
    return jsonResponse(200, {
      credentials: {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        expiration: credentials.Expiration.toISOString(),
      },
      principal: {
        type: verified.principal.type,
        arn: verified.principal.arn,
        accountId: verified.principal.accountId,
        ...(verified.principal.userName ? { userName: verified.principal.userName } : {}),
        ...(alias ? { accountAlias: alias } : {}),
      },
      passwordResetRequired: verified.passwordResetRequired,
    });
  };
}
