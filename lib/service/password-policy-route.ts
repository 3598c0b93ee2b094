// GET /_gatehouse/password-policy: the rules a signed-in IAM user's own password must meet (a Gatehouse route,
// not an AWS action). AWS's sign-in pages show a user who must change their password the account's rules without
// any IAM permission; this is the console's channel for the same: an IAM user's credentials read it unasked,
// any other principal needs iam:GetAccountPasswordPolicy. SigV4-signed like any IAM call.
// Answer: `{ "passwordPolicy": <AWS's PasswordPolicy shape> | null }` (null: AWS's default rules apply).
import { newRequestId } from '../crypto/ids';
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import type { GatehouseAuthorizer } from '../authz';
import { operationContextOf } from '../protocol/operation-context';
import { loadPasswordPolicy } from '../iam/password-policy';
import { passwordPolicyView } from '../iam/password-policy/policy';
import { AwsError } from '../core/errors';
import type { Authenticator, RequestInfo, RouteHandler } from '../core/pipeline';
import { jsonResponse } from '../core/wire';
import type { Store } from '../store/types';

export interface PasswordPolicyRouteDeps {
  store: Store;
  config: ServiceConfig;
  secrets: SecretBox;
  authenticator: Authenticator;
  authorizer: GatehouseAuthorizer;
  clock?: () => Date;
}

/** Builds the route handler. */
export function passwordPolicyRoute(deps: PasswordPolicyRouteDeps): RouteHandler {
  const clock = deps.clock ?? (() => new Date());
  return async (request) => {
    if (request.method !== 'GET') return jsonResponse(405, { error: 'MethodNotAllowed', message: 'Use GET.' });
    try {
      const requestId = newRequestId();
      const info: RequestInfo = { request, params: new Map(), service: 'iam', action: 'GetAccountPasswordPolicy', requestId, now: clock() };
      const principal = await deps.authenticator.authenticate(info);
      // Invariant: only an IAM user (long-term key or its console session) has a password this policy governs.
      if (principal.type !== 'IAMUser') {
        const ctx = operationContextOf(deps, info, principal);
        await deps.authorizer.authorizeAction(ctx, 'iam:GetAccountPasswordPolicy', '*');
      }
      const policy = await loadPasswordPolicy(deps.store);
      return {
        ...jsonResponse(200, { passwordPolicy: policy ? passwordPolicyView(policy) : null }),
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
      };
    } catch (error) {
      if (error instanceof AwsError) return jsonResponse(error.status, { error: error.code, message: error.message });
      throw error;
    }
  };
}
