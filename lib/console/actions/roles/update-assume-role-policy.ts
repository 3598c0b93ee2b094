'use server';
// UpdateAssumeRolePolicy: replaces a role's trust policy.
import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const updateAssumeRolePolicy = action(
  z.object({ roleName: z.string().min(1), trustPolicy: z.string().min(1, 'Enter a trust policy.') }),
  async ({ roleName, trustPolicy }, { iam }) => {
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: trustPolicy }));
    return { roleName };
  },
  { fieldNames: { PolicyDocument: 'trustPolicy' } },
);
