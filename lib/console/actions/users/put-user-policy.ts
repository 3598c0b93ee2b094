'use server';
// PutUserPolicy: creates or replaces an inline policy of a user.
import { PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const putUserPolicy = action(
  z.object({
    userName: z.string().min(1),
    policyName: z.string().trim().min(1, 'Enter a policy name.').max(128),
    document: z.string().min(1, 'Enter a policy document.'),
  }),
  async ({ userName, policyName, document }, { iam }) => {
    await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: policyName, PolicyDocument: document }));
    return { userName, policyName };
  },
  { fieldNames: { PolicyName: 'policyName', PolicyDocument: 'document' } },
);
