// The table of implemented STS operations, by AWS action name.
import type { Operation } from '../core/context';
import { assumeRole } from './assume-role';
import { getAccessKeyInfo } from './get-access-key-info';
import { getCallerIdentity } from './get-caller-identity';
import { getSessionToken } from './get-session-token';
import { getFederationToken } from './get-federation-token';
import { decodeAuthorizationMessage } from './decode-authorization-message';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import { assumeRoleWithSAML } from './assume-role-with-saml';

export const STS_OPERATIONS: Record<string, Operation> = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
  GetAccessKeyInfo: getAccessKeyInfo,
  GetFederationToken: getFederationToken,
  DecodeAuthorizationMessage: decodeAuthorizationMessage,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  AssumeRoleWithSAML: assumeRoleWithSAML,
};
