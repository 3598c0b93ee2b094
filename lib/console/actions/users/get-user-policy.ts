'use server';
// GetUserPolicy: a user's inline policy document, made readable.
import { GetUserPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { decodePolicyDocument } from '../policies/all-pages';

export const getUserPolicy = action(
  z.object({ userName: z.string().min(1), policyName: z.string().min(1) }),
  async ({ userName, policyName }, { iam }) => {
    const result = await iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: policyName }));
    return { policyName, document: decodePolicyDocument(result.PolicyDocument) };
  },
);
