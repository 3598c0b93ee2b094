'use server';
// Account alias: read, set (replacing the current one, as AWS allows only one), remove. The alias is part of the
// account's sign-in URL.
import { CreateAccountAliasCommand, DeleteAccountAliasCommand, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { updateConsoleClaims } from '@/lib/console/session';

export const getAccountAlias = action(z.object({}), async (_input, { iam }) => {
  const result = await iam.send(new ListAccountAliasesCommand({}));
  return { alias: result.AccountAliases?.[0] ?? null };
});

export const setAccountAlias = action(
  z.object({
    alias: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/,
        'Use 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.',
      ),
  }),
  async ({ alias }, { iam, session }) => {
    const current = (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases?.[0];
    if (current === alias) return { alias };
    if (current) await iam.send(new DeleteAccountAliasCommand({ AccountAlias: current }));
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
    await updateConsoleClaims({ principal: { ...session.principal, accountAlias: alias } });
    return { alias };
  },
  { fieldNames: { AccountAlias: 'alias' } },
);

export const deleteAccountAlias = action(z.object({ alias: z.string().min(1) }), async ({ alias }, { iam, session }) => {
  await iam.send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
  await updateConsoleClaims({ principal: { ...session.principal, accountAlias: undefined } });
  return { alias: null };
});
