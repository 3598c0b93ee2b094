// GetServiceLastAccessedDetails: the report of a job, services sorted by namespace, paginated.
import type { ServiceLastAccessed } from '../../core/generated/iam-types';
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { loadLastAccessedJob } from './report';

export const getServiceLastAccessedDetails: IamOperation<'GetServiceLastAccessedDetails'> = async (ctx, input) => {
  const job = await loadLastAccessedJob(ctx.store, input.JobId);
  if (!job) throw new NoSuchEntity(`The job with ID ${input.JobId} cannot be found.`);
  // The job was kept as JSON: times come back as strings.
  const services = job.services.map((s): ServiceLastAccessed => ({
    ...s,
    LastAuthenticated: s.LastAuthenticated ? new Date(s.LastAuthenticated) : undefined,
    TrackedActionsLastAccessed: s.TrackedActionsLastAccessed?.map((a) => ({
      ...a,
      LastAccessedTime: a.LastAccessedTime ? new Date(a.LastAccessedTime) : undefined,
    })),
  }));
  const page = paginateArray(services, (s) => s.ServiceNamespace ?? '', input.Marker, input.MaxItems);
  return {
    JobStatus: 'COMPLETED',
    JobType: job.jobType,
    JobCreationDate: job.creationDate,
    JobCompletionDate: job.completionDate,
    ServicesLastAccessed: page.items,
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
