'use server';
// DetachGroupPolicy.
import { DetachGroupPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const detachGroupPolicy = action(
  z.object({ groupName: z.string().min(1), policyArn: z.string().min(20) }),
  async ({ groupName, policyArn }, { iam }) => {
    await iam.send(new DetachGroupPolicyCommand({ GroupName: groupName, PolicyArn: policyArn }));
    return { groupName, policyArn };
  },
);
