'use server';
// CreateGroup: name and path.
import { CreateGroupCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const createGroup = action(
  z.object({ groupName: z.string().trim().min(1, 'Enter a group name.').max(128), path: z.string().trim().default('/') }),
  async ({ groupName, path }, { iam }) => {
    const { Group: group } = await iam.send(new CreateGroupCommand({ GroupName: groupName, Path: path || '/' }));
    return { groupName: group!.GroupName!, arn: group!.Arn! };
  },
  { fieldNames: { GroupName: 'groupName', Path: 'path' } },
);
