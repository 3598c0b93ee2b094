'use server';
// The state of a policy generation job and, once it succeeded, the generated policy (pretty-printed).
import { GetGeneratedPolicyCommand } from '@aws-sdk/client-accessanalyzer';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { analyzerClientFor } from '@/lib/console/clients';

export const getGeneratedPolicy = action(z.object({ jobId: z.string().min(1).max(256) }), async ({ jobId }, { session }) => {
  const client = analyzerClientFor(session.credentials);
  try {
    const result = await client.send(new GetGeneratedPolicyCommand({ jobId }));
    const policy = result.generatedPolicyResult?.generatedPolicies?.[0]?.policy;
    return {
      status: result.jobDetails?.status ?? 'FAILED',
      error: result.jobDetails?.jobError?.message,
      isComplete: result.generatedPolicyResult?.properties?.isComplete,
      policy: policy ? JSON.stringify(JSON.parse(policy), null, 2) : undefined,
    };
  } finally {
    client.destroy();
  }
});
