// POST /_gatehouse/sign-in: console sign-in (a Gatehouse route, not an AWS action). Verifies the root user's
// e-mail and password, or an IAM user's account, name and password, plus a TOTP code when the identity has
// MFA; slows down repeated failures per source address and per user (lib/authn/sign-in-limits.ts); on success
// issues ordinary ASIA session credentials of that principal (12 hours), so the console can do only what it may.
// Only JSON from a same-origin (or origin-less, server-side) caller is accepted; password hashes are checked on
// libuv's pool, a few at a time, so a flood of sign-ins cannot starve the API.
import { z } from 'zod';
import { issueSession, type SessionCredentials } from '../authn/issue-session';
import type { ServiceConfig } from '../config';
import { hashPassword, verifyPasswordAsync, type SecretBox } from '../crypto/secrets';
import { entityArn } from '../iam/arn';
import { rootPrincipal, type Principal } from '../core/context';
import { verifyConsolePasswordAsync } from '../iam/login-profiles/verify-console-password';
import { SignInLimiter, type SignInAttemptKey } from '../authn/sign-in-limits';
import { newRequestId } from '../crypto/ids';
import type { AuditSink } from '../core/pipeline';
import { jsonResponse, type WireRequest, type WireResponse } from '../core/wire';
import type { Store } from '../store/types';
import { acceptMfaCode } from '../iam/mfa/verify-mfa-code';

/** Console sessions last 12 hours. */
export const CONSOLE_SESSION_SECONDS = 12 * 3600;

const INVALID_MESSAGE = 'Your authentication information is incorrect. Please try again.';
const MFA_REQUIRED_MESSAGE = 'Enter the MFA code for your device.';

/** At most this many password hashes are computed at once; at most `waiting` more wait their turn. */
export const SIGN_IN_CONCURRENCY = { checks: 2, waiting: 32 };

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

/** A counting semaphore with a bounded queue: `run` refuses (undefined) when the queue is full. */
class WorkLimit {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limits: { checks: number; waiting: number }) {}

  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (this.running >= this.limits.checks) {
      if (this.queue.length >= this.limits.waiting) return undefined;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}

function busy(): WireResponse {
  const response = jsonResponse(429, {
    error: 'Throttling',
    message: 'Too many sign-in requests at once. Try again in a moment.',
    retryAfterSeconds: 1,
  });
  response.headers['retry-after'] = '1';
  return response;
}

/** The media type of a Content-Type header, lower-case, without parameters. */
function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * True when the request may come from a page of another site: browsers send `Origin` on every cross-origin POST,
 * and the console's own server-side call sends none. A present Origin must name this host.
 */
function crossOrigin(request: WireRequest): boolean {
  const origin = request.headers['origin'];
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== (request.headers['host'] ?? '');
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
}

/** Builds the route handler. */
export function signInRoute(deps: { store: Store; secrets: SecretBox; config: ServiceConfig; audit?: AuditSink; clock?: () => Date }) {
  const { store } = deps;
  const clock = deps.clock ?? (() => new Date());

  const limiter = new SignInLimiter(store);
  const work = new WorkLimit(SIGN_IN_CONCURRENCY);

  function resolveAccount(account: string): boolean {
    const record = store.account.get();
    if (!record) return false;
    if (account === record.accountId) return true;
    return store.account.listAliases().includes(account.toLowerCase());
  }

  async function checkCredentials(input: SignInRequest, now: Date): Promise<Outcome> {
    const account = store.account.get();
    if (!account) return { error: 'InvalidCredentials' };
    decoyHash ??= hashPassword('gatehouse-decoy-password');
    if (input.type === 'root') {
      const matches = account.rootEmail.toLowerCase() === input.email.trim().toLowerCase() && account.rootPasswordHash !== undefined;
      const valid = (await verifyPasswordAsync(input.password, matches ? account.rootPasswordHash! : decoyHash)) && matches;
      if (!valid) return { error: 'InvalidCredentials' };
      return { ok: { principal: rootPrincipal(account.accountId), passwordResetRequired: false } };
    }
    const user = resolveAccount(input.account.trim()) ? store.users.getByName(input.userName) : undefined;
    if (!user || !store.loginProfiles.get(user.userId)) {
      await verifyPasswordAsync(input.password, decoyHash);
      return { error: 'InvalidCredentials' };
    }
    const check = await verifyConsolePasswordAsync(store, user.userId, input.password, now);
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
  function audit(
    request: WireRequest,
    input: SignInRequest,
    now: Date,
    outcome: { principal?: Principal; error?: { code: string; message: string }; status: number },
  ) {
    if (!deps.audit) return;
    const parameters: Record<string, unknown> =
      input.type === 'root' ? { LoginTo: 'root', Email: input.email } : { LoginTo: input.account, UserName: input.userName };
    try {
      deps.audit.record({
        info: {
          request: { ...request, sourceIp: clientAddress(request) },
          params: new Map(),
          service: 'iam',
          action: 'ConsoleLogin',
          requestId: newRequestId(),
          now,
        },
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

  return async (request: WireRequest): Promise<WireResponse> => {
    if (request.method !== 'POST') return jsonResponse(405, { error: 'MethodNotAllowed', message: 'Use POST.' });
    // A cross-site form can POST text/plain without a preflight: only JSON, and never from another site's page.
    if (mediaType(request.headers['content-type']) !== 'application/json') {
      return jsonResponse(415, {
        error: 'UnsupportedMediaType',
        message: 'The request body must be JSON (Content-Type: application/json).',
      });
    }
    if (crossOrigin(request))
      return jsonResponse(403, { error: 'InvalidOrigin', message: 'Sign-in requests from other sites are refused.' });
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return jsonResponse(400, { error: 'InvalidRequest', message: 'The request body must be JSON.' });
    }
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) {
      return jsonResponse(400, {
        error: 'InvalidRequest',
        message: 'Expected {"type":"root",email,password} or {"type":"user",account,userName,password}.',
      });
    }
    const input = parsed.data;
    const now = clock();
    const key: SignInAttemptKey = {
      address: clientAddress(request),
      identity:
        input.type === 'root'
          ? `root:${input.email.trim().toLowerCase()}`
          : // One subject per user whether the account is typed as its id or its alias.
            `user:${resolveAccount(input.account.trim()) ? store.account.get()!.accountId : input.account.trim().toLowerCase()}:${input.userName.toLowerCase()}`,
    };
    const wait = limiter.retryAfterSeconds(key, now);
    if (wait > 0) {
      audit(request, input, now, { error: { code: 'TooManyAttempts', message: 'Too many failed sign-in attempts.' }, status: 429 });
      return tooMany(wait);
    }

    const fail = (error: 'InvalidCredentials' | 'PasswordExpired') => {
      limiter.recordFailure(key, now);
      const message = error === 'PasswordExpired' ? 'Your password has expired. Contact your administrator to reset it.' : INVALID_MESSAGE;
      audit(request, input, now, { error: { code: error, message }, status: 401 });
      return jsonResponse(401, { error, message });
    };

    const outcome = await work.run(() => checkCredentials(input, now));
    if (outcome === undefined) return busy();
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
      limiter.recordSuccess(key, now);
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
