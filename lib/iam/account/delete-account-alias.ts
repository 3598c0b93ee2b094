// DeleteAccountAlias: removes the account's alias.
import type { DeleteAccountAliasRequest } from '@aws-sdk/client-iam';
import { NoSuchEntity } from '../../core/errors';
import type { Operation } from '../../core/context';

export const deleteAccountAlias: Operation<DeleteAccountAliasRequest> = (ctx, input) => {
  const alias = input.AccountAlias!;
  if (!ctx.store.account.listAliases().includes(alias)) throw new NoSuchEntity(`The account alias ${alias} cannot be found.`);
  ctx.store.account.removeAlias(alias);
  return {};
};
