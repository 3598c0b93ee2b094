'use server';
// CreateAccessKey: the secret is returned to the browser once, to be shown and downloaded, never stored.
import { CreateAccessKeyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const createAccessKey = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { userName, accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
});
