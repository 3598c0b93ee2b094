// GetOrganizationsAccessReport: no organizations report can ever have been generated, so every job id is unknown.
import type { GetOrganizationsAccessReportRequest } from '@aws-sdk/client-iam';
import { NoSuchEntity } from '../../protocol/errors';
import type { Operation } from '../context';

export const getOrganizationsAccessReport: Operation<GetOrganizationsAccessReportRequest> = (_ctx, input) => {
  throw new NoSuchEntity(`The job with ID ${input.JobId} cannot be found.`);
};
