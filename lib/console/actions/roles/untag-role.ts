'use server';
// UntagRole: removes tags by key.
import { UntagRoleCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const untagRole = action(
  z.object({ roleName: z.string().min(1), keys: z.array(z.string().min(1)).min(1) }),
  async ({ roleName, keys }, { iam }) => {
    await iam.send(new UntagRoleCommand({ RoleName: roleName, TagKeys: keys }));
    return { roleName };
  },
);
