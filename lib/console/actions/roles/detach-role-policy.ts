'use server';
// DetachRolePolicy.
import { DetachRolePolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const detachRolePolicy = action(
  z.object({ roleName: z.string().min(1), policyArn: z.string().trim().min(20, 'Enter a policy ARN.') }),
  async ({ roleName, policyArn }, { iam }) => {
    await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }));
    return { roleName, policyArn };
  },
  { fieldNames: { PolicyArn: 'policyArn' } },
);
