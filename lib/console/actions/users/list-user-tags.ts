'use server';
// ListUserTags, every page.
import { paginateListUserTags } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { collect } from './collect';

export const listUserTags = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  const tags = await collect(paginateListUserTags({ client: iam }, { UserName: userName }), (p) => p.Tags);
  return { tags: tags.map((t) => ({ key: t.Key!, value: t.Value ?? '' })) };
});
