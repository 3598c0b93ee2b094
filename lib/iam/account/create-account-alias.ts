// CreateAccountAlias: names the account for sign-in URLs. An account has at most one alias: a new one replaces it.
import { ValidationError } from '../../core/errors';
import type { IamOperation } from '../../core/context';

const ACCOUNT_ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

export const createAccountAlias: IamOperation<'CreateAccountAlias'> = async (ctx, input) => {
  const alias = input.AccountAlias;
  if (!ACCOUNT_ALIAS.test(alias)) {
    throw new ValidationError(
      `1 validation error detected: Value at 'accountAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`,
    );
  }
  const { account } = ctx.store;
  const current = await account.listAliases();
  if (current.length === 1 && current[0] === alias) return {};
  // AWS keeps one alias per account; creating another one renames the account (as the console's "Edit" does).
  for (const old of current) await account.removeAlias(old);
  await account.addAlias(alias);
  return {};
};
