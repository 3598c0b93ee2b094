// ListRoles: roles under a path prefix, by name, paginated. AWS omits tags, boundaries and RoleLastUsed here.
import type { IamOperation } from '../../core/context';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { roleView } from './role-view';

export const listRoles: IamOperation<'ListRoles'> = async (ctx, input) => {
  const page = await ctx.store.roles.list({
    pathPrefix: input.PathPrefix,
    after: decodeMarker(input.Marker),
    limit: pageSize(input.MaxItems),
  });
  return { Roles: page.items.map((role) => roleView(ctx.principal.accountId, role)), ...pageResult(page.next) };
};
