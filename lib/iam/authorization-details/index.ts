// The account authorization details operation of the IAM API, by AWS action name.
import type { Operation } from '../../core/context';
import { getAccountAuthorizationDetails } from './get-account-authorization-details';

export const authorizationDetailsOperations: Record<string, Operation> = {
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
};
