'use server';
// GenerateServiceLastAccessedDetails for an entity ARN: returns the job id to poll.
import { GenerateServiceLastAccessedDetailsCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const generateServiceLastAccessedDetails = action(z.object({ arn: z.string().min(1) }), async ({ arn }, { iam }) => {
  const { JobId } = await iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn }));
  return { jobId: JobId! };
});
