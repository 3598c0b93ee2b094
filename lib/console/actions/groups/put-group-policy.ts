'use server';
// PutGroupPolicy: creates or replaces an inline policy.
import { PutGroupPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const putGroupPolicy = action(
  z.object({
    groupName: z.string().min(1),
    policyName: z.string().trim().min(1, 'Enter a policy name.').max(128),
    document: z.string().min(1, 'Enter a policy document.'),
  }),
  async ({ groupName, policyName, document }, { iam }) => {
    await iam.send(new PutGroupPolicyCommand({ GroupName: groupName, PolicyName: policyName, PolicyDocument: document }));
    return { groupName, policyName };
  },
  { fieldNames: { PolicyName: 'policyName', PolicyDocument: 'document' } },
);
