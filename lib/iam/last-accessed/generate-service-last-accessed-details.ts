// GenerateServiceLastAccessedDetails: starts (and, in Gatehouse, at once completes) a last-accessed report for an entity or policy.
import type { IamOperation } from '../../core/context';
import { createLastAccessedJob } from './report';

export const generateServiceLastAccessedDetails: IamOperation<'GenerateServiceLastAccessedDetails'> = async (ctx, input) => {
  const job = await createLastAccessedJob(
    ctx.store,
    ctx.principal.accountId,
    input.Arn,
    input.Granularity === 'ACTION_LEVEL' ? 'ACTION_LEVEL' : 'SERVICE_LEVEL',
    ctx.now,
  );
  return { JobId: job.jobId };
};
