// ListInstanceProfiles: instance profiles under a path prefix, by name, paginated (tags omitted, as AWS does).
import type { IamOperation } from '../../core/context';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { instanceProfileView } from './instance-profile-view';

export const listInstanceProfiles: IamOperation<'ListInstanceProfiles'> = async (ctx, input) => {
  const page = await ctx.store.instanceProfiles.list({
    pathPrefix: input.PathPrefix,
    after: decodeMarker(input.Marker),
    limit: pageSize(input.MaxItems),
  });
  return {
    InstanceProfiles: await Promise.all(page.items.map((profile) => instanceProfileView(ctx.store, ctx.principal.accountId, profile))),
    ...pageResult(page.next),
  };
};
