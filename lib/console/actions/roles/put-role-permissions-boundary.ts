'use server';
// PutRolePermissionsBoundary: sets (or replaces) the managed policy that bounds a role's permissions.
import { PutRolePermissionsBoundaryCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const putRolePermissionsBoundary = action(
  z.object({ roleName: z.string().min(1), policyArn: z.string().trim().min(20, 'Enter a managed policy ARN.') }),
  async ({ roleName, policyArn }, { iam }) => {
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: roleName, PermissionsBoundary: policyArn }));
    return { roleName, policyArn };
  },
  { fieldNames: { PermissionsBoundary: 'policyArn' } },
);
