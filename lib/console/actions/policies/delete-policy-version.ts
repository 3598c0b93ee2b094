'use server';
// DeletePolicyVersion (AWS refuses the default version).
import { DeletePolicyVersionCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deletePolicyVersion = action(
  z.object({ policyArn: z.string().min(20), versionId: z.string().regex(/^v[1-9][0-9]*$/) }),
  async ({ policyArn, versionId }, { iam }) => {
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }));
    return { versionId };
  },
);
