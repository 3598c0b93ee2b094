'use server';
// DeleteUserPolicy (an inline policy).
import { DeleteUserPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteUserPolicy = action(
  z.object({ userName: z.string().min(1), policyName: z.string().min(1) }),
  async ({ userName, policyName }, { iam }) => {
    await iam.send(new DeleteUserPolicyCommand({ UserName: userName, PolicyName: policyName }));
    return { userName, policyName };
  },
);
