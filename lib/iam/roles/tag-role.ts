// TagRole: adds or overwrites tags of a role (at most 50 per role, keys compared ignoring case).
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { requireRole } from './require-role';

export const tagRole: IamOperation<'TagRole'> = async (ctx, input) => {
  const role = await requireRole(ctx.store, input.RoleName);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(
    tags,
    (await ctx.store.tags.list('role', role.roleId)).map((t) => t.Key),
  );
  await ctx.store.tags.put('role', role.roleId, tags);
  return {};
};
