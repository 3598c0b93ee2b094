// GetAccountPasswordPolicy: the account's custom password policy, or NoSuchEntity when none is set.
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { loadPasswordPolicy, passwordPolicyView } from './policy';

/** AWS's message when the account has no custom password policy. */
export function noPasswordPolicy(accountId: string): NoSuchEntity {
  return new NoSuchEntity(`The Password Policy with domain name ${accountId} cannot be found.`);
}

export const getAccountPasswordPolicy: IamOperation<'GetAccountPasswordPolicy'> = async (ctx) => {
  const policy = await loadPasswordPolicy(ctx.store);
  if (!policy) throw noPasswordPolicy(ctx.principal.accountId);
  return { PasswordPolicy: passwordPolicyView(policy) };
};
