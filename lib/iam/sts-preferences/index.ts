// The STS preference operation of the IAM API, by AWS action name.
import type { Operation } from '../../core/context';
import { setSecurityTokenServicePreferences } from './set-security-token-service-preferences';

export const stsPreferenceOperations: Record<string, Operation> = {
  SetSecurityTokenServicePreferences: setSecurityTokenServicePreferences,
};
