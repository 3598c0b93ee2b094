'use server';
// TagRole: adds or overwrites tags.
import { TagRoleCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const tagRole = action(
  z.object({
    roleName: z.string().min(1),
    tags: z.array(z.object({ key: z.string().trim().min(1, 'Enter a tag key.').max(128), value: z.string().max(256) })).min(1),
  }),
  async ({ roleName, tags }, { iam }) => {
    await iam.send(new TagRoleCommand({ RoleName: roleName, Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }));
    return { roleName };
  },
  { fieldNames: { Tags: 'tags' } },
);
