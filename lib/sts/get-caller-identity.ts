// GetCallerIdentity: who signed the request (account, ARN, user id), for root, users and role sessions.
import type { StsOperation } from '../core/context';

export const getCallerIdentity: StsOperation<'GetCallerIdentity'> = async (ctx) => {
  const { principal } = ctx;
  return { UserId: principal.principalId, Account: principal.accountId, Arn: principal.arn };
};
