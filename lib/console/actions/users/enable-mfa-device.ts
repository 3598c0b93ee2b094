'use server';
// EnableMFADevice with two consecutive codes.
import { EnableMFADeviceCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

const code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code.');

export const enableMfaDevice = action(
  z.object({ userName: z.string().min(1), serialNumber: z.string().min(1), code1: code, code2: code }),
  async ({ userName, serialNumber, code1, code2 }, { iam }) => {
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: userName,
        SerialNumber: serialNumber,
        AuthenticationCode1: code1,
        AuthenticationCode2: code2,
      }),
    );
    return { serialNumber };
  },
  { fieldNames: { AuthenticationCode1: 'code1', AuthenticationCode2: 'code2' } },
);
