// ListAccountAliases: the account's alias (zero or one), paginated as AWS's response shape requires.
import type { ListAccountAliasesRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { paginateArray } from '../pagination';

export const listAccountAliases: Operation<ListAccountAliasesRequest> = (ctx, input) => {
  const page = paginateArray(ctx.store.account.listAliases(), (alias) => alias, input.Marker, input.MaxItems);
  return { AccountAliases: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
};
