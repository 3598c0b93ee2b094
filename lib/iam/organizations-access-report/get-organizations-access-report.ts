// GetOrganizationsAccessReport: no organizations report can ever have been generated, so every job id is unknown.
import type { GetOrganizationsAccessReportRequest } from '@aws-sdk/client-iam';
import { NoSuchEntity } from '../../core/errors';
import type { Operation } from '../../core/context';

export const getOrganizationsAccessReport: Operation<GetOrganizationsAccessReportRequest> = (_ctx, input) => {
  throw new NoSuchEntity(`The job with ID ${input.JobId} cannot be found.`);
};
