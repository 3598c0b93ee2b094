// ListUsers: users under a path prefix, by name, paginated. AWS omits tags and boundaries here.
import type { IamOperation } from '../../core/context';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { userView } from './user-view';

export const listUsers: IamOperation<'ListUsers'> = async (ctx, input) => {
  const page = await ctx.store.users.list({
    pathPrefix: input.PathPrefix,
    after: decodeMarker(input.Marker),
    limit: pageSize(input.MaxItems),
  });
  return { Users: page.items.map((user) => userView(ctx.principal.accountId, user)), ...pageResult(page.next) };
};
