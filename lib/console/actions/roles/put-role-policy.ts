'use server';
// PutRolePolicy: creates or replaces an inline policy.
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const putRolePolicy = action(
  z.object({
    roleName: z.string().min(1),
    policyName: z.string().trim().min(1, 'Enter a policy name.').max(128),
    document: z.string().min(1, 'Enter a policy document.'),
  }),
  async ({ roleName, policyName, document }, { iam }) => {
    await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document }));
    return { roleName, policyName };
  },
  { fieldNames: { PolicyName: 'policyName', PolicyDocument: 'document' } },
);
