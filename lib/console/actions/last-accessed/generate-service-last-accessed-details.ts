'use server';
// GenerateServiceLastAccessedDetails for an entity ARN, at action level (services whose actions AWS tracks list
// each used action): returns the job id to poll.
import { GenerateServiceLastAccessedDetailsCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const generateServiceLastAccessedDetails = action(z.object({ arn: z.string().min(1) }), async ({ arn }, { iam }) => {
  const { JobId } = await iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn, Granularity: 'ACTION_LEVEL' }));
  return { jobId: JobId! };
});
