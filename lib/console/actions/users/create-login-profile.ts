'use server';
// CreateLoginProfile: gives the user a console password.
import { CreateLoginProfileCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const createLoginProfile = action(
  z.object({ userName: z.string().min(1), password: z.string().min(1, 'Enter a password.'), passwordResetRequired: z.boolean() }),
  async ({ userName, password, passwordResetRequired }, { iam }) => {
    await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: password, PasswordResetRequired: passwordResetRequired }));
    return { userName, passwordResetRequired };
  },
  { fieldNames: { Password: 'password' } },
);
