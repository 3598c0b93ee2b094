'use server';
// DeleteUser (AWS refuses while dependents remain: remove them first, see list-user-dependents).
import { DeleteUserCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteUser = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  await iam.send(new DeleteUserCommand({ UserName: userName }));
  return { userName };
});
