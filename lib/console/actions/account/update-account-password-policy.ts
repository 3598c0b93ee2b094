'use server';
// UpdateAccountPasswordPolicy: every field; the API's own validation messages come back for out-of-range values.
import { UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const updateAccountPasswordPolicy = action(
  z.object({
    minimumPasswordLength: z.number().int(),
    requireSymbols: z.boolean(),
    requireNumbers: z.boolean(),
    requireUppercaseCharacters: z.boolean(),
    requireLowercaseCharacters: z.boolean(),
    allowUsersToChangePassword: z.boolean(),
    maxPasswordAge: z.number().int().optional(),
    passwordReusePrevention: z.number().int().optional(),
    hardExpiry: z.boolean(),
  }),
  async (p, { iam }) => {
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: p.minimumPasswordLength,
        RequireSymbols: p.requireSymbols,
        RequireNumbers: p.requireNumbers,
        RequireUppercaseCharacters: p.requireUppercaseCharacters,
        RequireLowercaseCharacters: p.requireLowercaseCharacters,
        AllowUsersToChangePassword: p.allowUsersToChangePassword,
        MaxPasswordAge: p.maxPasswordAge,
        PasswordReusePrevention: p.passwordReusePrevention,
        HardExpiry: p.hardExpiry,
      }),
    );
    return { updated: true };
  },
  {
    fieldNames: {
      MinimumPasswordLength: 'minimumPasswordLength',
      MaxPasswordAge: 'maxPasswordAge',
      PasswordReusePrevention: 'passwordReusePrevention',
    },
  },
);
