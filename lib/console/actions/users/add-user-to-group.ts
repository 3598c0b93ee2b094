'use server';
// AddUserToGroup.
import { AddUserToGroupCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const addUserToGroup = action(
  z.object({ userName: z.string().min(1), groupName: z.string().min(1) }),
  async ({ userName, groupName }, { iam }) => {
    await iam.send(new AddUserToGroupCommand({ UserName: userName, GroupName: groupName }));
    return { userName, groupName };
  },
);
