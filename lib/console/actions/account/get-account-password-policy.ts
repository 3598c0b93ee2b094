'use server';
// GetAccountPasswordPolicy (null when the account has none).
import { GetAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { awsErrorCode } from '@/lib/console/errors';

/** The password policy fields the editor shows. */
export interface PasswordPolicyView {
  minimumPasswordLength: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  allowUsersToChangePassword: boolean;
  maxPasswordAge?: number;
  passwordReusePrevention?: number;
  hardExpiry: boolean;
  expirePasswords: boolean;
}

export const getAccountPasswordPolicy = action(z.object({}), async (_input, { iam }) => {
  try {
    const { PasswordPolicy: p } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    const view: PasswordPolicyView = {
      minimumPasswordLength: p?.MinimumPasswordLength ?? 8,
      requireSymbols: p?.RequireSymbols ?? false,
      requireNumbers: p?.RequireNumbers ?? false,
      requireUppercaseCharacters: p?.RequireUppercaseCharacters ?? false,
      requireLowercaseCharacters: p?.RequireLowercaseCharacters ?? false,
      allowUsersToChangePassword: p?.AllowUsersToChangePassword ?? false,
      maxPasswordAge: p?.MaxPasswordAge,
      passwordReusePrevention: p?.PasswordReusePrevention,
      hardExpiry: p?.HardExpiry ?? false,
      expirePasswords: p?.ExpirePasswords ?? false,
    };
    return { policy: view };
  } catch (error) {
    if (awsErrorCode(error) === 'NoSuchEntity') return { policy: null };
    throw error;
  }
});
