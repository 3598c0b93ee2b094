'use server';
// SetDefaultPolicyVersion: the version that takes effect for every attached identity.
import { SetDefaultPolicyVersionCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const setDefaultPolicyVersion = action(
  z.object({ policyArn: z.string().min(20), versionId: z.string().regex(/^v[1-9][0-9]*$/) }),
  async ({ policyArn, versionId }, { iam }) => {
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }));
    return { versionId };
  },
);
