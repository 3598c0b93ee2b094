'use server';
// GetUser: the user's identity, path, boundary and password last use.
import { GetUserCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const getUser = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  const { User: u } = await iam.send(new GetUserCommand({ UserName: userName }));
  return {
    userName: u!.UserName!,
    userId: u!.UserId!,
    arn: u!.Arn!,
    path: u!.Path ?? '/',
    createDate: u!.CreateDate?.toISOString() ?? '',
    passwordLastUsed: u!.PasswordLastUsed?.toISOString(),
    permissionsBoundaryArn: u!.PermissionsBoundary?.PermissionsBoundaryArn,
  };
});
