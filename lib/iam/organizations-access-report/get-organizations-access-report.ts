// GetOrganizationsAccessReport: no organizations report can ever have been generated, so every job id is unknown.
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';

export const getOrganizationsAccessReport: IamOperation<'GetOrganizationsAccessReport'> = async (_ctx, input) => {
  throw new NoSuchEntity(`The job with ID ${input.JobId} cannot be found.`);
};
