'use server';
// RemoveUserFromGroup.
import { RemoveUserFromGroupCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const removeUserFromGroup = action(
  z.object({ groupName: z.string().min(1), userName: z.string().min(1) }),
  async ({ groupName, userName }, { iam }) => {
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: groupName, UserName: userName }));
    return { groupName, userName };
  },
);
