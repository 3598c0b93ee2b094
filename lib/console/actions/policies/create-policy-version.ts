'use server';
// CreatePolicyVersion (optionally as the default). AWS keeps at most five versions.
import { CreatePolicyVersionCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const createPolicyVersion = action(
  z.object({
    policyArn: z.string().min(20),
    document: z.string().min(1, 'Enter a policy document.'),
    setAsDefault: z.boolean().default(false),
  }),
  async ({ policyArn, document, setAsDefault }, { iam }) => {
    const { PolicyVersion: v } = await iam.send(
      new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: document, SetAsDefault: setAsDefault }),
    );
    return { versionId: v!.VersionId!, isDefault: v?.IsDefaultVersion ?? false };
  },
  { fieldNames: { PolicyDocument: 'document' } },
);
