'use server';
// DeleteLoginProfile: removes console access.
import { DeleteLoginProfileCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteLoginProfile = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  await iam.send(new DeleteLoginProfileCommand({ UserName: userName }));
  return { userName };
});
