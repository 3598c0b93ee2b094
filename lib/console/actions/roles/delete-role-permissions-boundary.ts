'use server';
// DeleteRolePermissionsBoundary.
import { DeleteRolePermissionsBoundaryCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteRolePermissionsBoundary = action(z.object({ roleName: z.string().min(1) }), async ({ roleName }, { iam }) => {
  await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: roleName }));
  return { roleName };
});
