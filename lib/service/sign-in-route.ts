// POST /_gatehouse/sign-in: console sign-in (a Gatehouse route, not an AWS action). The edge only: accepts JSON from
// a same-origin (or origin-less, server-side) caller, parses it, runs the sign-in of lib/authn/console-sign-in.ts
// (password, MFA, the limits of lib/authn/sign-in-limits.ts, a 12-hour ASIA session on success), records a
// CloudTrail-style `ConsoleLogin` event, and maps the outcome to its JSON response.
import { z } from 'zod';
import {
  consoleSignIn,
  CONSOLE_SESSION_SECONDS,
  MIN_CONSOLE_SESSION_SECONDS,
  SIGN_IN_CONCURRENCY,
  SignInBusy,
  TooManyAttempts,
  WorkLimit,
  InvalidCredentials,
  MfaRequired,
  PasswordExpired,
  type ConsoleSignInSuccess,
} from '../authn/console-sign-in';
import { SignInLimiter } from '../authn/sign-in-limits';
import type { ServiceConfig } from '../config';
import type { Principal } from '../core/context';
import type { AuditSink } from '../core/pipeline';
import { jsonResponse, type WireRequest, type WireResponse } from '../core/wire';
import { newRequestId } from '../crypto/ids';
import type { SecretBox } from '../crypto/secrets';
import type { Store } from '../store/types';

export { CONSOLE_SESSION_SECONDS, SIGN_IN_CONCURRENCY } from '../authn/console-sign-in';

/**
 * The length of a console session's credentials either sign-in route takes (the console asks for no longer than its
 * own session): whole seconds, 900-43,200.
 */
export const consoleSessionSeconds = z.number().int().min(MIN_CONSOLE_SESSION_SECONDS).max(CONSOLE_SESSION_SECONDS);
const durationSeconds = consoleSessionSeconds.optional();
const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('root'),
    email: z.string().min(1).max(256),
    password: z.string().min(1).max(512),
    mfaCode: z.string().max(16).optional(),
    durationSeconds,
  }),
  z.object({
    type: z.literal('user'),
    account: z.string().min(1).max(64),
    userName: z.string().min(1).max(128),
    password: z.string().min(1).max(512),
    mfaCode: z.string().max(16).optional(),
    durationSeconds,
  }),
]);

type SignInRequest = z.infer<typeof requestSchema>;

/** The client's address as the mount resolved it (lib/service/client-address.ts): the console relays the browser's. */
function clientAddress(request: WireRequest): string {
  return request.sourceIp;
}

/** A throttled attempt: 429 with Retry-After. */
function throttled(error: TooManyAttempts | SignInBusy): WireResponse {
  const response = jsonResponse(429, { error: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds });
  response.headers['retry-after'] = String(error.retryAfterSeconds);
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

/** The console session a sign-in answers (both sign-in routes): its credentials and whom they act as. */
export function consoleSessionBody(
  credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: Date },
  principal: Principal,
  accountAlias: string | undefined,
) {
  return {
    credentials: {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration.toISOString(),
    },
    principal: {
      type: principal.type,
      arn: principal.arn,
      accountId: principal.accountId,
      ...(principal.userName ? { userName: principal.userName } : {}),
      ...(accountAlias ? { accountAlias } : {}),
    },
  };
}

/** Builds the route handler. */
export function signInRoute(deps: { store: Store; secrets: SecretBox; config: ServiceConfig; audit?: AuditSink; clock?: () => Date }) {
  const { store } = deps;
  const clock = deps.clock ?? (() => new Date());

  const limiter = new SignInLimiter(store);
  const passwordChecks = new WorkLimit(SIGN_IN_CONCURRENCY);

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
        message:
          'Expected {"type":"root",email,password} or {"type":"user",account,userName,password}, with mfaCode and durationSeconds (900-43200) optional.',
      });
    }
    const input = parsed.data;
    const now = clock();
    let result: ConsoleSignInSuccess;
    try {
      result = await consoleSignIn({ store, secrets: deps.secrets, limiter, passwordChecks }, input, {
        address: clientAddress(request),
        now,
      });
    } catch (error) {
      if (error instanceof TooManyAttempts) {
        audit(request, input, now, { error: { code: error.code, message: 'Too many failed sign-in attempts.' }, status: 429 });
        return throttled(error);
      }
      if (error instanceof SignInBusy) return throttled(error);
      if (error instanceof InvalidCredentials || error instanceof PasswordExpired) {
        audit(request, input, now, { error: { code: error.code, message: error.message }, status: error.status });
        return jsonResponse(error.status, { error: error.code, message: error.message });
      }
      // The form asking for the code: not a failure, not audited.
      if (error instanceof MfaRequired) return jsonResponse(error.status, { error: error.code, message: error.message });
      throw error;
    }
    const { credentials, principal } = result;
    audit(request, input, now, { principal, status: 200 });
    return jsonResponse(200, {
      ...consoleSessionBody(credentials, principal, result.accountAlias),
      passwordResetRequired: result.passwordResetRequired,
    });
  };
}
