// ListRoleTags: a role's tags in the order they were added, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireRole } from './require-role';

export const listRoleTags: IamOperation<'ListRoleTags'> = async (ctx, input) => {
  const role = await requireRole(ctx.store, input.RoleName);
  const positioned = (await ctx.store.tags.list('role', role.roleId)).map((tag, index) => ({ tag, key: String(index).padStart(6, '0') }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
