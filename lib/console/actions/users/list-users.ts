'use server';
// ListUsers, every page, optionally under a path prefix: the rows of the users table and the path tree.
import { paginateListUsers } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { collect } from './collect';

/** One user as the users table shows it. */
export interface UserRow {
  userName: string;
  userId: string;
  arn: string;
  path: string;
  createDate: string;
  passwordLastUsed?: string;
}

/** All users (under `pathPrefix` when given), following Marker to the last page. */
export const listUsers = action(z.object({ pathPrefix: z.string().optional() }), async ({ pathPrefix }, { iam }) => {
  const users = await collect(paginateListUsers({ client: iam, pageSize: 1000 }, { PathPrefix: pathPrefix || undefined }), (p) => p.Users);
  const rows: UserRow[] = users.map((u) => ({
    userName: u.UserName!,
    userId: u.UserId!,
    arn: u.Arn!,
    path: u.Path ?? '/',
    createDate: u.CreateDate?.toISOString() ?? '',
    passwordLastUsed: u.PasswordLastUsed?.toISOString(),
  }));
  return { users: rows };
});
