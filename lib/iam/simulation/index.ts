// The policy simulation operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { getContextKeysForCustomPolicy } from './get-context-keys-for-custom-policy';
import { getContextKeysForPrincipalPolicy } from './get-context-keys-for-principal-policy';
import { simulateCustomPolicy } from './simulate-custom-policy';
import { simulatePrincipalPolicy } from './simulate-principal-policy';

export const simulationOperations: IamOperationTable = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  SimulateCustomPolicy: simulateCustomPolicy,
  GetContextKeysForPrincipalPolicy: getContextKeysForPrincipalPolicy,
  GetContextKeysForCustomPolicy: getContextKeysForCustomPolicy,
};
