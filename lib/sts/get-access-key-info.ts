// GetAccessKeyInfo: the account an access key (long-term or temporary) belongs to.
import type { GetAccessKeyInfoRequest } from '@aws-sdk/client-sts';
import type { Operation } from '../iam/context';
import { InvalidParameterValue } from '../protocol/errors';

export const getAccessKeyInfo: Operation<GetAccessKeyInfoRequest> = (ctx, input) => {
  const id = input.AccessKeyId!;
  const known = ctx.store.accessKeys.get(id) !== undefined || ctx.store.sessions.get(id) !== undefined;
  // AWS decodes the account from any key id; Gatehouse knows only its own keys (one account per data directory).
  if (!known) throw new InvalidParameterValue(`The access key ID ${id} does not belong to an account Gatehouse knows.`);
  return { Account: ctx.principal.accountId };
};
