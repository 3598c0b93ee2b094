'use server';
// ListGroups, every page: the choices of "add to group".
import { paginateListGroups } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { collect } from './collect';

export const listGroups = action(z.object({}), async (_input, { iam }) => {
  const groups = await collect(paginateListGroups({ client: iam, pageSize: 1000 }, {}), (p) => p.Groups);
  return { groups: groups.map((g) => ({ groupName: g.GroupName!, arn: g.Arn!, path: g.Path ?? '/' })) };
});
