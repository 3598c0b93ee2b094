'use server';
// Lists users, groups or roles for the simulator's principal picker, one page at a time (Marker/IsTruncated).
import { ListGroupsCommand, ListRolesCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

/** One entry of the principal picker. */
export interface PrincipalListItem {
  name: string;
  arn: string;
  path: string;
}

export const listSimulatorPrincipals = action(
  z.object({ type: z.enum(['user', 'group', 'role']), marker: z.string().max(4096).optional() }),
  async ({ type, marker }, { iam }): Promise<{ items: PrincipalListItem[]; marker?: string }> => {
    const page = { Marker: marker, MaxItems: 100 };
    if (type === 'user') {
      const out = await iam.send(new ListUsersCommand(page));
      return {
        items: (out.Users ?? []).map((u) => ({ name: u.UserName!, arn: u.Arn!, path: u.Path ?? '/' })),
        marker: out.IsTruncated ? out.Marker : undefined,
      };
    }
    if (type === 'group') {
      const out = await iam.send(new ListGroupsCommand(page));
      return {
        items: (out.Groups ?? []).map((g) => ({ name: g.GroupName!, arn: g.Arn!, path: g.Path ?? '/' })),
        marker: out.IsTruncated ? out.Marker : undefined,
      };
    }
    const out = await iam.send(new ListRolesCommand(page));
    return {
      items: (out.Roles ?? []).map((r) => ({ name: r.RoleName!, arn: r.Arn!, path: r.Path ?? '/' })),
      marker: out.IsTruncated ? out.Marker : undefined,
    };
  },
);
