'use server';
// GetRolePolicy: an inline policy's document, made readable.
import { GetRolePolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { decodePolicyDocument } from '../policies/all-pages';

export const getRolePolicy = action(
  z.object({ roleName: z.string().min(1), policyName: z.string().min(1) }),
  async ({ roleName, policyName }, { iam }) => {
    const result = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
    return { policyName, document: decodePolicyDocument(result.PolicyDocument) };
  },
);
