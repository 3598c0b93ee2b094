// The limits AWS puts on temporary credentials by how they were issued, checked before any policy: GetSessionToken
// credentials without MFA call no IAM API, GetFederationToken credentials none at all, and both only a few STS APIs.
// The authenticator refuses the IAM calls (an invalid token, before the input is read), the authorizer all of them.
import type { Principal, SessionIssuer } from '../core/context';
import { AccessDenied, InvalidClientTokenId } from '../core/errors';

/**
 * How a temporary session was issued; undefined for long-term credentials and for role sessions (which AWS does
 * not limit this way). Sessions stored before `issuedBy` was recorded (they last at most 36 hours) are told apart by
 * what their issuers always wrote: GetSessionToken set `mfaAuthenticated` to false or true, console sign-in left it
 * out unless MFA was used, and only GetFederationToken issues `FederatedUser` sessions. So an old no-MFA
 * GetSessionToken session is limited (fail closed), and an old console session keeps working; an old session with
 * MFA is either kind, and both kinds may call IAM.
 */
export function sessionIssuerOf(principal: Principal): SessionIssuer | undefined {
  if (!principal.temporary) return undefined;
  if (principal.issuedBy !== undefined) return principal.issuedBy;
  if (principal.type === 'FederatedUser') return 'GetFederationToken';
  if (principal.type !== 'IAMUser' && principal.type !== 'Root') return undefined;
  return principal.mfaAuthenticated === false ? 'GetSessionToken' : 'ConsoleSignIn';
}

/**
 * STS operations that do not act with the caller's credentials (AWS calls them without any), so a limited session
 * signing one gains nothing: the assertion or web identity token is what is checked.
 */
const CREDENTIAL_FREE_STS_ACTIONS = new Set(['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);

/** The STS operations each limited kind of session may call. */
const ALLOWED_STS_ACTIONS: Partial<Record<SessionIssuer, ReadonlySet<string>>> = {
  // AWS GetSessionToken API reference: "You cannot call any STS API except AssumeRole or GetCallerIdentity."
  GetSessionToken: new Set(['AssumeRole', 'GetCallerIdentity']),
  // AWS GetFederationToken API reference: "You cannot call any STS operations except GetCallerIdentity."
  GetFederationToken: new Set(['GetCallerIdentity']),
};

/**
 * Refuses a call that the session's kind may not make, whatever its policies say (so before them, and for the
 * root user's sessions too).
 *
 * IAM: AWS GetSessionToken API reference: the credentials "cannot call any IAM API operations unless MFA
 * authentication information is included in the request"; GetFederationToken: "You cannot call any IAM operations
 * using the AWS CLI or the AWS API". AWS answers such a call InvalidClientTokenId, "The security token included in
 * the request is invalid" — not documented, but reported for GetSessionToken without MFA (99designs/aws-vault#15,
 * where AWS support called it expected; cloudyr/aws.iam#15) and, as "an invalid token error", for
 * GetFederationToken (AWS support in jantman/awslimitchecker#139). High confidence for the first, medium for the
 * second.
 *
 * STS: AWS's answer is not documented. AccessDenied with the message AWS gives GetSessionToken and
 * GetFederationToken called with session credentials ("Cannot call GetSessionToken with session credentials") is
 * the closest known one; low confidence in the exact text.
 */
export function enforceSessionLimits(principal: Principal, service: string, action: string): void {
  const issuer = sessionIssuerOf(principal);
  if (issuer !== 'GetSessionToken' && issuer !== 'GetFederationToken') return;
  if (service === 'iam') {
    if (issuer === 'GetSessionToken' && principal.mfaAuthenticated === true) return;
    throw new InvalidClientTokenId('The security token included in the request is invalid');
  }
  if (service === 'sts') {
    if (CREDENTIAL_FREE_STS_ACTIONS.has(action) || ALLOWED_STS_ACTIONS[issuer]!.has(action)) return;
    throw new AccessDenied(`Cannot call ${action} with session credentials`);
  }
}
