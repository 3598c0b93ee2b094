'use server';
// ListMFADevices, every page.
import { paginateListMFADevices } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { collect } from './collect';

export const listMfaDevices = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  const devices = await collect(paginateListMFADevices({ client: iam }, { UserName: userName }), (p) => p.MFADevices);
  return {
    devices: devices.map((d) => ({
      serialNumber: d.SerialNumber!,
      enableDate: d.EnableDate?.toISOString() ?? '',
      virtual: d.SerialNumber!.includes(':mfa/'),
    })),
  };
});
