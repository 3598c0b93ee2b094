// DeleteAccountPasswordPolicy: removes the custom policy; AWS's default password rules apply again.
import type { Operation } from '../context';
import { loadPasswordPolicy } from './policy';
import { noPasswordPolicy } from './get-account-password-policy';

export const deleteAccountPasswordPolicy: Operation<Record<string, never>> = (ctx) => {
  if (!loadPasswordPolicy(ctx.store)) throw noPasswordPolicy(ctx.principal.accountId);
  ctx.store.account.update({ passwordPolicy: undefined });
  return {};
};
