'use server';
// DeleteGroupPolicy: removes an inline policy.
import { DeleteGroupPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteGroupPolicy = action(
  z.object({ groupName: z.string().min(1), policyName: z.string().min(1) }),
  async ({ groupName, policyName }, { iam }) => {
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: groupName, PolicyName: policyName }));
    return { groupName, policyName };
  },
);
