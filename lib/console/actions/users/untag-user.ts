'use server';
// UntagUser: removes tags by key.
import { UntagUserCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const untagUser = action(
  z.object({ userName: z.string().min(1), keys: z.array(z.string().min(1)).min(1) }),
  async ({ userName, keys }, { iam }) => {
    await iam.send(new UntagUserCommand({ UserName: userName, TagKeys: keys }));
    return { userName, keys };
  },
);
