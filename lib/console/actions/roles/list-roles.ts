'use server';
// One page of ListRoles under a path prefix; service-linked roles marked.
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { iso } from '../policies/all-pages';

export const listRoles = action(
  z.object({ pathPrefix: z.string().max(512).optional(), marker: z.string().optional() }),
  async ({ pathPrefix, marker }, { iam }) => {
    const page = await iam.send(new ListRolesCommand({ PathPrefix: pathPrefix || undefined, Marker: marker, MaxItems: 100 }));
    return {
      items: (page.Roles ?? []).map((r) => ({
        roleName: r.RoleName!,
        path: r.Path ?? '/',
        arn: r.Arn!,
        description: r.Description ?? '',
        createDate: iso(r.CreateDate),
        serviceLinked: (r.Path ?? '').startsWith('/aws-service-role/'),
        lastUsedDate: iso(r.RoleLastUsed?.LastUsedDate),
      })),
      marker: page.IsTruncated ? page.Marker : undefined,
    };
  },
  { fieldNames: { PathPrefix: 'pathPrefix' } },
);
