'use server';
// DeactivateMFADevice.
import { DeactivateMFADeviceCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deactivateMfaDevice = action(
  z.object({ userName: z.string().min(1), serialNumber: z.string().min(1) }),
  async ({ userName, serialNumber }, { iam }) => {
    await iam.send(new DeactivateMFADeviceCommand({ UserName: userName, SerialNumber: serialNumber }));
    return { serialNumber };
  },
);
