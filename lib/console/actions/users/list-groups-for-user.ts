'use server';
// ListGroupsForUser, every page.
import { paginateListGroupsForUser } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { collect } from './collect';

export const listGroupsForUser = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  const groups = await collect(paginateListGroupsForUser({ client: iam }, { UserName: userName }), (p) => p.Groups);
  return { groups: groups.map((g) => ({ groupName: g.GroupName!, arn: g.Arn!, path: g.Path ?? '/' })) };
});
