// POST /_gatehouse/sign-in/access-keys: the console's access-key sign-in. Signed (SigV4, service `sts`) with an IAM
// user's or the root user's long-term keys, it answers a console session of that principal (12 hours, or the signed
// `DurationSeconds`), so the console signs its calls with credentials that sign-out revokes at the service. Not GetSessionToken: its credentials
// without MFA may call no IAM API (lib/authz/session-limits.ts). The session may do no more than the keys.
import { CONSOLE_SESSION_SECONDS, MIN_CONSOLE_SESSION_SECONDS } from '../authn/console-sign-in';
import { issueSession } from '../authn/issue-session';
import type { ServiceConfig } from '../config';
import type { Principal } from '../core/context';
import type { AuditSink, Authenticator } from '../core/pipeline';
import { AccessDenied, AwsError, ValidationError } from '../core/errors';
import { jsonResponse, type WireRequest, type WireResponse } from '../core/wire';
import { newRequestId } from '../crypto/ids';
import type { SecretBox } from '../crypto/secrets';
import type { Store } from '../store/types';
import { consoleSessionBody, consoleSessionSeconds } from './sign-in-route';

/**
 * The session's length: the signed query's `DurationSeconds` (900-43,200; the console asks for no more than its own
 * session lasts), 12 hours without it.
 */
function requestedDuration(query: string): number {
  const text = new URLSearchParams(query).get('DurationSeconds');
  if (text === null) return CONSOLE_SESSION_SECONDS;
  const seconds = consoleSessionSeconds.safeParse(/^\d+$/.test(text) ? Number(text) : NaN);
  if (!seconds.success) {
    throw new ValidationError(
      `DurationSeconds must be a whole number of seconds from ${MIN_CONSOLE_SESSION_SECONDS} to ${CONSOLE_SESSION_SECONDS}.`,
    );
  }
  return seconds.data;
}

/** Builds the route handler. */
export function accessKeySignInRoute(deps: {
  store: Store;
  secrets: SecretBox;
  config: ServiceConfig;
  /**
   * The service's own authenticator: its caches see every write the API serves (a key deactivated or deleted is
   * refused at its next use). One of the route's own would keep a key it had read for its cache's age after that.
   */
  authenticator: Authenticator;
  audit?: AuditSink;
  clock?: () => Date;
}) {
  const { authenticator } = deps;
  const clock = deps.clock ?? (() => new Date());
  /** A CloudTrail-style `ConsoleLogin` event of the sign-in (the key's id, never its secret or the session's). */
  function audit(request: WireRequest, caller: Principal, now: Date) {
    if (!deps.audit) return;
    try {
      deps.audit.record({
        info: { request, params: new Map(), service: 'iam', action: 'ConsoleLogin', requestId: newRequestId(), now },
        principal: caller,
        input: { LoginTo: caller.accountId, AccessKeyId: caller.accessKeyId },
        output: { ConsoleLogin: 'Success' },
        status: 200,
      });
    } catch (error) {
      console.error('[gatehouse] audit of a sign-in failed:', error instanceof Error ? error.message : String(error));
    }
  }

  return async (request: WireRequest): Promise<WireResponse> => {
    if (request.method !== 'POST') return jsonResponse(405, { error: 'MethodNotAllowed', message: 'Use POST.' });
    const now = clock();
    try {
      const caller = await authenticator.authenticate({
        request,
        params: new Map(),
        service: 'sts',
        action: 'ConsoleSignIn',
        requestId: newRequestId(),
        now,
      });
      if (caller.temporary || (caller.type !== 'IAMUser' && caller.type !== 'Root')) {
        throw new AccessDenied('Only the long-term access keys of an IAM user or the root user sign in to the console.');
      }
      const durationSeconds = requestedDuration(request.query);
      const { accessKeyId: _longTermKey, ...identity } = caller;
      const principal: Principal = { ...identity, issuedBy: 'ConsoleSignIn' };
      const { credentials } = await deps.store.transaction((store) =>
        issueSession({ store, secrets: deps.secrets }, principal, now, durationSeconds),
      );
      audit(request, caller, now);
      const accountAlias = (await deps.store.account.listAliases())[0];
      return jsonResponse(200, consoleSessionBody(credentials, caller, accountAlias));
    } catch (error) {
      if (error instanceof AwsError) return jsonResponse(error.status, { error: error.code, message: error.message });
      throw error;
    }
  };
}
