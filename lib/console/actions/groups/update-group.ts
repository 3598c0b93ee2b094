'use server';
// UpdateGroup: rename and/or move to another path.
import { UpdateGroupCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const updateGroup = action(
  z.object({ groupName: z.string().min(1), newGroupName: z.string().trim().max(128).optional(), newPath: z.string().trim().optional() }),
  async ({ groupName, newGroupName, newPath }, { iam }) => {
    await iam.send(
      new UpdateGroupCommand({
        GroupName: groupName,
        NewGroupName: newGroupName && newGroupName !== groupName ? newGroupName : undefined,
        NewPath: newPath || undefined,
      }),
    );
    return { groupName: newGroupName || groupName };
  },
  { fieldNames: { NewGroupName: 'newGroupName', NewPath: 'newPath' } },
);
