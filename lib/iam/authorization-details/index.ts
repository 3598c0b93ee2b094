// The account authorization details operation of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { getAccountAuthorizationDetails } from './get-account-authorization-details';

export const authorizationDetailsOperations: IamOperationTable = {
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
};
