'use server';
// DetachUserPolicy.
import { DetachUserPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const detachUserPolicy = action(
  z.object({ userName: z.string().min(1), policyArn: z.string().min(1) }),
  async ({ userName, policyArn }, { iam }) => {
    await iam.send(new DetachUserPolicyCommand({ UserName: userName, PolicyArn: policyArn }));
    return { userName, policyArn };
  },
);
