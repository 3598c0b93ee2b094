'use server';
// DeleteAccountPasswordPolicy: back to AWS's default rules.
import { DeleteAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const deleteAccountPasswordPolicy = action(z.object({}), async (_input, { iam }) => {
  await iam.send(new DeleteAccountPasswordPolicyCommand({}));
  return { deleted: true };
});
