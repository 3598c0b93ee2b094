'use server';
// GetGroupPolicy: an inline policy's document, made readable.
import { GetGroupPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { decodePolicyDocument } from '../policies/all-pages';

export const getGroupPolicy = action(
  z.object({ groupName: z.string().min(1), policyName: z.string().min(1) }),
  async ({ groupName, policyName }, { iam }) => {
    const result = await iam.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: policyName }));
    return { policyName, document: decodePolicyDocument(result.PolicyDocument) };
  },
);
