'use server';
// TagUser: adds or overwrites tags.
import { TagUserCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const tagUser = action(
  z.object({
    userName: z.string().min(1),
    tags: z.array(z.object({ key: z.string().min(1, 'A tag needs a key.'), value: z.string() })).min(1),
  }),
  async ({ userName, tags }, { iam }) => {
    await iam.send(new TagUserCommand({ UserName: userName, Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }));
    return { userName, count: tags.length };
  },
  { fieldNames: { Tags: 'tags' } },
);
