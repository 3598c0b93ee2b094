// The table of implemented STS operations, by AWS action name.
import type { Operation } from '../iam/context';
import { assumeRole } from './assume-role';
import { getAccessKeyInfo } from './get-access-key-info';
import { getCallerIdentity } from './get-caller-identity';
import { getSessionToken } from './get-session-token';

export const STS_OPERATIONS: Record<string, Operation> = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
  GetAccessKeyInfo: getAccessKeyInfo,
};
