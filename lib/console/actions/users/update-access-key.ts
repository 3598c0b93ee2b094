'use server';
// UpdateAccessKey: activate or deactivate.
import { UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const updateAccessKey = action(
  z.object({ userName: z.string().min(1), accessKeyId: z.string().min(1), status: z.enum(['Active', 'Inactive']) }),
  async ({ userName, accessKeyId, status }, { iam }) => {
    await iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status: status }));
    return { accessKeyId, status };
  },
);
