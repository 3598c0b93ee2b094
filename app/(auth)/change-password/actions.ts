'use server';
// Changes the signed-in IAM user's password (iam:ChangePassword), then renews the session.
import { ChangePasswordCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { updateConsoleClaims } from '@/lib/console/session';
import { signInWithPassword } from '@/lib/console/sign-in';

const schema = z
  .object({
    oldPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: z.string().min(1, 'Enter a new password.').max(128),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords do not match.' });

export const changePassword = action(
  schema,
  async ({ oldPassword, newPassword }, { iam, session }) => {
    await iam.send(new ChangePasswordCommand({ OldPassword: oldPassword, NewPassword: newPassword }));
    // Credentials issued while a reset was pending may be limited to changing the password: sign in afresh.
    let renewed = false;
    if (session.method === 'user' && session.principal.userName) {
      try {
        const signIn = await signInWithPassword({
          type: 'user',
          account: session.principal.accountId,
          userName: session.principal.userName,
          password: newPassword,
        });
        if (!signIn.passwordResetRequired) {
          await updateConsoleClaims({ credentials: signIn.credentials, passwordResetRequired: false });
          renewed = true;
        }
      } catch {
        // e.g. MFA required for a fresh sign-in: keep the current credentials.
      }
    }
    if (!renewed) await updateConsoleClaims({ passwordResetRequired: false });
    return { changed: true };
  },
  { allowPendingPasswordReset: true, fieldNames: { OldPassword: 'oldPassword', NewPassword: 'newPassword' } },
);
