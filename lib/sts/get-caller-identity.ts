// GetCallerIdentity: who signed the request (account, ARN, user id), for root, users and role sessions.
import type { Operation } from '../core/context';

export const getCallerIdentity: Operation = (ctx) => {
  const { principal } = ctx;
  return { UserId: principal.principalId, Account: principal.accountId, Arn: principal.arn };
};
