'use server';
// One page of ListGroups under a path prefix.
import { ListGroupsCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { iso } from '../policies/all-pages';

export const listGroups = action(
  z.object({ pathPrefix: z.string().max(512).optional(), marker: z.string().optional() }),
  async ({ pathPrefix, marker }, { iam }) => {
    const page = await iam.send(new ListGroupsCommand({ PathPrefix: pathPrefix || undefined, Marker: marker, MaxItems: 100 }));
    return {
      items: (page.Groups ?? []).map((g) => ({ groupName: g.GroupName!, path: g.Path ?? '/', arn: g.Arn!, createDate: iso(g.CreateDate) })),
      marker: page.IsTruncated ? page.Marker : undefined,
    };
  },
  { fieldNames: { PathPrefix: 'pathPrefix' } },
);
