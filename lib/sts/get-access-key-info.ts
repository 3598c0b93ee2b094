// GetAccessKeyInfo: the account an access key (long-term or temporary) belongs to.
import { accountIdOfAccessKeyId } from '../crypto/ids';
import type { StsOperation } from '../core/context';
import { InvalidParameterValue } from '../core/errors';

export const getAccessKeyInfo: StsOperation<'GetAccessKeyInfo'> = async (ctx, input) => {
  const id = input.AccessKeyId;
  // Keys of this account (including ones configured by name, such as the admin's `test`), then the account
  // encoded in any key of AWS's current format, as AWS answers even for other accounts' and deleted keys.
  if ((await ctx.store.accessKeys.get(id)) !== undefined || (await ctx.store.sessions.get(id)) !== undefined)
    return { Account: ctx.principal.accountId };
  const account = accountIdOfAccessKeyId(id);
  if (account === undefined) throw new InvalidParameterValue(`The access key ID ${id} is not in a format that names an account.`);
  return { Account: account };
};
