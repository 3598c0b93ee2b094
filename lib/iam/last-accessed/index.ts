// The service last-accessed operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { generateServiceLastAccessedDetails } from './generate-service-last-accessed-details';
import { getServiceLastAccessedDetails } from './get-service-last-accessed-details';

export const lastAccessedOperations: IamOperationTable = {
  GenerateServiceLastAccessedDetails: generateServiceLastAccessedDetails,
  GetServiceLastAccessedDetails: getServiceLastAccessedDetails,
};
