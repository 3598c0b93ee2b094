// DeleteAccountPasswordPolicy: removes the custom policy; AWS's default password rules apply again.
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { loadPasswordPolicy } from './policy';

export const deleteAccountPasswordPolicy: IamOperation<'DeleteAccountPasswordPolicy'> = async (ctx) => {
  // AWS words this differently from GetAccountPasswordPolicy's answer (recorded from AWS).
  if (!(await loadPasswordPolicy(ctx.store))) throw new NoSuchEntity('The account policy with name PasswordPolicy cannot be found.');
  await ctx.store.account.update({ passwordPolicy: undefined });
  return {};
};
