// ListAccountAliases: the account's alias (zero or one), paginated as AWS's response shape requires.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';

export const listAccountAliases: IamOperation<'ListAccountAliases'> = async (ctx, input) => {
  const page = paginateArray(await ctx.store.account.listAliases(), (alias) => alias, input.Marker, input.MaxItems);
  return { AccountAliases: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
};
