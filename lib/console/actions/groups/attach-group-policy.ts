'use server';
// AttachGroupPolicy.
import { AttachGroupPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const attachGroupPolicy = action(
  z.object({ groupName: z.string().min(1), policyArn: z.string().trim().min(20, 'Enter a policy ARN.') }),
  async ({ groupName, policyArn }, { iam }) => {
    await iam.send(new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: policyArn }));
    return { groupName, policyArn };
  },
  { fieldNames: { PolicyArn: 'policyArn' } },
);
