// DeleteAccountAlias: removes the account's alias.
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';

export const deleteAccountAlias: IamOperation<'DeleteAccountAlias'> = async (ctx, input) => {
  const alias = input.AccountAlias;
  if (!(await ctx.store.account.listAliases()).includes(alias)) throw new NoSuchEntity(`The account alias ${alias} cannot be found.`);
  await ctx.store.account.removeAlias(alias);
  return {};
};
