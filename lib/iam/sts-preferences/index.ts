// The STS preference operation of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { setSecurityTokenServicePreferences } from './set-security-token-service-preferences';

export const stsPreferenceOperations: IamOperationTable = {
  SetSecurityTokenServicePreferences: setSecurityTokenServicePreferences,
};
