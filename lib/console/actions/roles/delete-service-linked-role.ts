'use server';
// DeleteServiceLinkedRole: the only way to delete a service-linked role; AWS deletes it asynchronously.
import { DeleteServiceLinkedRoleCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteServiceLinkedRole = action(z.object({ roleName: z.string().min(1) }), async ({ roleName }, { iam }) => {
  const result = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: roleName }));
  return { roleName, deletionTaskId: result.DeletionTaskId ?? '' };
});
