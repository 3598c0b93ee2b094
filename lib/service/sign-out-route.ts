// POST /_gatehouse/sign-out: revokes the temporary session whose credentials sign the request (SigV4, scope
// service `sts` or `iam`), so that console credentials stop working at sign-out rather than at expiry.
import { createAuthenticator } from '../authn';
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import { newRequestId } from '../crypto/ids';
import { AwsError, InvalidAction } from '../core/errors';
import { jsonResponse, type WireRequest, type WireResponse } from '../core/wire';
import { parseSignature } from '../sigv4';
import type { Store } from '../store/types';

/** Builds the route handler. */
export function signOutRoute(deps: { store: Store; secrets: SecretBox; config: ServiceConfig }) {
  const authenticator = createAuthenticator(deps);
  return async (request: WireRequest): Promise<WireResponse> => {
    if (request.method !== 'POST') return jsonResponse(405, { error: 'MethodNotAllowed', message: 'Use POST.' });
    try {
      const service = parseSignature({ ...request, path: request.signedPath ?? request.path })?.service === 'iam' ? 'iam' : 'sts';
      const principal = await authenticator.authenticate({
        request,
        params: new Map(),
        service,
        action: 'SignOut',
        requestId: newRequestId(),
        now: new Date(),
      });
      if (!principal.temporary || !principal.accessKeyId) throw new InvalidAction('Only temporary session credentials can be signed out.');
      await deps.store.sessions.delete(principal.accessKeyId);
      return jsonResponse(200, { signedOut: true });
    } catch (error) {
      if (error instanceof AwsError) return jsonResponse(error.status, { error: error.code, message: error.message });
      throw error;
    }
  };
}
