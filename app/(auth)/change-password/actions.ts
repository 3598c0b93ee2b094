'use server';
// Changes the signed-in IAM user's password (iam:ChangePassword). A session issued while a reset was pending may
// only change the password: it is replaced by a fresh sign-in with the new password (and, for a user with MFA, a
// code from the device, asked for on the same form), and its credentials are revoked.
import { ChangePasswordCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { revokeConsoleSession } from '@/lib/console/revocation';
import { updateConsoleClaims, type ConsoleSession } from '@/lib/console/session';
import { consoleCredentialSeconds, SignInError, signInWithPassword } from '@/lib/console/sign-in';

/** How the change ended: `renewed` (a full session), `mfaRequired` (a code is needed), or sign in again. */
export interface PasswordChangeOutcome {
  changed: true;
  /** The session was replaced by one that is not limited to changing the password. */
  renewed: boolean;
  /** The user has MFA: the form asks for a code and calls `finishPasswordChange`. */
  mfaRequired?: boolean;
  /** Why the code was not accepted (wrong, reused, or too many attempts). */
  mfaError?: string;
  /** The session could not be renewed and has ended: the user signs in with the new password. */
  signInAgain?: boolean;
}

const schema = z
  .object({
    oldPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: z.string().min(1, 'Enter a new password.').max(128),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords do not match.' });

/**
 * Replaces a session limited to changing the password by a fresh sign-in with the new password, then revokes the
 * limited one. Without the MFA code (or with a wrong one) the limited session stays, so that the form can ask again.
 */
async function renewLimitedSession(session: ConsoleSession, password: string, code: string | undefined): Promise<PasswordChangeOutcome> {
  const ended = async (): Promise<PasswordChangeOutcome> => {
    await revokeConsoleSession(session.credentials, Math.floor(session.expiresAt.getTime() / 1000));
    return { changed: true, renewed: false, signInAgain: true };
  };
  if (session.method !== 'user' || !session.principal.userName) return ended();
  let signIn;
  try {
    // The renewed credentials replace the old ones in the same session: they need last no longer than it does.
    const remaining = Math.floor(session.expiresAt.getTime() / 1000) - Math.floor(Date.now() / 1000);
    signIn = await signInWithPassword(
      { type: 'user', account: session.principal.accountId, userName: session.principal.userName, password, mfaCode: code },
      undefined,
      consoleCredentialSeconds(remaining),
    );
  } catch (error) {
    if (!(error instanceof SignInError)) return ended();
    if (error.code === 'MfaRequired') return { changed: true, renewed: false, mfaRequired: true };
    if (code !== undefined && error.code === 'InvalidCredentials')
      return {
        changed: true,
        renewed: false,
        mfaRequired: true,
        mfaError: 'The password or the MFA code was not accepted. Enter the next code from your device.',
      };
    if (code !== undefined && error.code === 'TooManyAttempts')
      return {
        changed: true,
        renewed: false,
        mfaRequired: true,
        mfaError: `Too many failed attempts. Try again in ${error.retryAfterSeconds ?? 'a few'} seconds.`,
      };
    return ended();
  }
  if (signIn.passwordResetRequired || signIn.principal.arn !== session.principal.arn) return ended();
  await updateConsoleClaims({ credentials: signIn.credentials, passwordResetRequired: false });
  await revokeConsoleSession(session.credentials, Math.floor(session.expiresAt.getTime() / 1000));
  return { changed: true, renewed: true };
}

export const changePassword = action(
  schema,
  async ({ oldPassword, newPassword }, { iam, session }): Promise<PasswordChangeOutcome> => {
    await iam.send(new ChangePasswordCommand({ OldPassword: oldPassword, NewPassword: newPassword }));
    // A session that was not limited keeps its credentials, as on AWS.
    if (!session.passwordResetRequired) return { changed: true, renewed: false };
    return renewLimitedSession(session, newPassword, undefined);
  },
  { allowPendingPasswordReset: true, fieldNames: { OldPassword: 'oldPassword', NewPassword: 'newPassword' } },
);

/** After the password was changed: the MFA code (and the new password again) that renew the limited session. */
export const finishPasswordChange = action(
  z.object({
    newPassword: z.string().min(1, 'Enter your new password.').max(128),
    mfaCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Enter the 6-digit code from your MFA device.'),
  }),
  async ({ newPassword, mfaCode }, { session }): Promise<PasswordChangeOutcome> => {
    if (!session.passwordResetRequired) return { changed: true, renewed: false };
    return renewLimitedSession(session, newPassword, mfaCode);
  },
  { allowPendingPasswordReset: true },
);
