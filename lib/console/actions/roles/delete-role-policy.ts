'use server';
// DeleteRolePolicy: removes an inline policy.
import { DeleteRolePolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteRolePolicy = action(
  z.object({ roleName: z.string().min(1), policyName: z.string().min(1) }),
  async ({ roleName, policyName }, { iam }) => {
    await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
    return { roleName, policyName };
  },
);
