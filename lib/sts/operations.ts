// The table of implemented STS operations, by AWS action name.
import { wireOperations, type StsOperationTable } from '../core/context';
import { assumeRole } from './assume-role';
import { getAccessKeyInfo } from './get-access-key-info';
import { getCallerIdentity } from './get-caller-identity';
import { getSessionToken } from './get-session-token';
import { getFederationToken } from './get-federation-token';
import { decodeAuthorizationMessage } from './decode-authorization-message';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import { assumeRoleWithSAML } from './assume-role-with-saml';

/** Every implemented STS operation, each typed by its model input and output. */
export const STS_OPERATION_TABLE: StsOperationTable = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
  GetAccessKeyInfo: getAccessKeyInfo,
  GetFederationToken: getFederationToken,
  DecodeAuthorizationMessage: decodeAuthorizationMessage,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  AssumeRoleWithSAML: assumeRoleWithSAML,
};

/** The same table as the wire layer dispatches it, by action name. */
export const STS_OPERATIONS = wireOperations(STS_OPERATION_TABLE);
