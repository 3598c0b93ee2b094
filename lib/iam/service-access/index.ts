// Service access operations built on the last-accessed reports, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { getServiceLastAccessedDetailsWithEntities } from './get-service-last-accessed-details-with-entities';
import { listPoliciesGrantingServiceAccess } from './list-policies-granting-service-access';

export const serviceAccessOperations: IamOperationTable = {
  ListPoliciesGrantingServiceAccess: listPoliciesGrantingServiceAccess,
  GetServiceLastAccessedDetailsWithEntities: getServiceLastAccessedDetailsWithEntities,
};
