'use server';
// DeleteUserPermissionsBoundary.
import { DeleteUserPermissionsBoundaryCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteUserPermissionsBoundary = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: userName }));
  return { userName };
});
