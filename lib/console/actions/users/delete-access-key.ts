'use server';
// DeleteAccessKey.
import { DeleteAccessKeyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteAccessKey = action(
  z.object({ userName: z.string().min(1), accessKeyId: z.string().min(1) }),
  async ({ userName, accessKeyId }, { iam }) => {
    await iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId }));
    return { accessKeyId };
  },
);
