'use server';
// DeleteVirtualMFADevice (after deactivation, or an abandoned activation).
import { DeleteVirtualMFADeviceCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteVirtualMfaDevice = action(z.object({ serialNumber: z.string().min(1) }), async ({ serialNumber }, { iam }) => {
  await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber }));
  return { serialNumber };
});
