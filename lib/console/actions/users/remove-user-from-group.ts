'use server';
// RemoveUserFromGroup.
import { RemoveUserFromGroupCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const removeUserFromGroup = action(
  z.object({ userName: z.string().min(1), groupName: z.string().min(1) }),
  async ({ userName, groupName }, { iam }) => {
    await iam.send(new RemoveUserFromGroupCommand({ UserName: userName, GroupName: groupName }));
    return { userName, groupName };
  },
);
