'use server';
// ListAccessKeys (every page) with GetAccessKeyLastUsed for each key.
import { GetAccessKeyLastUsedCommand, paginateListAccessKeys } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { collect } from './collect';

/** One access key with its last use. */
export interface AccessKeyRow {
  accessKeyId: string;
  status: 'Active' | 'Inactive';
  createDate: string;
  lastUsedDate?: string;
  lastUsedService?: string;
  lastUsedRegion?: string;
}

export const listAccessKeys = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  const keys = await collect(paginateListAccessKeys({ client: iam }, { UserName: userName }), (p) => p.AccessKeyMetadata);
  const rows = await Promise.all(
    keys.map(async (k): Promise<AccessKeyRow> => {
      const used = (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId! }))).AccessKeyLastUsed;
      return {
        accessKeyId: k.AccessKeyId!,
        status: k.Status === 'Inactive' ? 'Inactive' : 'Active',
        createDate: k.CreateDate?.toISOString() ?? '',
        lastUsedDate: used?.LastUsedDate?.toISOString(),
        lastUsedService: used?.ServiceName && used.ServiceName !== 'N/A' ? used.ServiceName : undefined,
        lastUsedRegion: used?.Region && used.Region !== 'N/A' ? used.Region : undefined,
      };
    }),
  );
  return { accessKeys: rows };
});
