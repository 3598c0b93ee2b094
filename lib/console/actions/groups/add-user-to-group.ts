'use server';
// AddUserToGroup.
import { AddUserToGroupCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const addUserToGroup = action(
  z.object({ groupName: z.string().min(1), userName: z.string().trim().min(1, 'Enter a user name.') }),
  async ({ groupName, userName }, { iam }) => {
    await iam.send(new AddUserToGroupCommand({ GroupName: groupName, UserName: userName }));
    return { groupName, userName };
  },
  { fieldNames: { UserName: 'userName' } },
);
