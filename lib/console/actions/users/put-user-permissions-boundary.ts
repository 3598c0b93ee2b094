'use server';
// PutUserPermissionsBoundary.
import { PutUserPermissionsBoundaryCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const putUserPermissionsBoundary = action(
  z.object({ userName: z.string().min(1), policyArn: z.string().min(1) }),
  async ({ userName, policyArn }, { iam }) => {
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: userName, PermissionsBoundary: policyArn }));
    return { userName, policyArn };
  },
);
