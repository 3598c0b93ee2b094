// ListGroups: groups under a path prefix, by name, paginated.
import type { IamOperation } from '../../core/context';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { groupView } from './group-view';

export const listGroups: IamOperation<'ListGroups'> = async (ctx, input) => {
  const page = await ctx.store.groups.list({
    pathPrefix: input.PathPrefix,
    after: decodeMarker(input.Marker),
    limit: pageSize(input.MaxItems),
  });
  return { Groups: page.items.map((group) => groupView(ctx.principal.accountId, group)), ...pageResult(page.next) };
};
