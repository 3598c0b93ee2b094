'use server';
// UpdateLoginProfile: a new console password and/or the reset requirement.
import { UpdateLoginProfileCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const updateLoginProfile = action(
  z.object({ userName: z.string().min(1), password: z.string().optional(), passwordResetRequired: z.boolean() }),
  async ({ userName, password, passwordResetRequired }, { iam }) => {
    await iam.send(
      new UpdateLoginProfileCommand({ UserName: userName, Password: password || undefined, PasswordResetRequired: passwordResetRequired }),
    );
    return { userName, passwordResetRequired };
  },
  { fieldNames: { Password: 'password' } },
);
