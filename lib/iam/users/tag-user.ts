// TagUser: adds or overwrites tags of a user (at most 50 per user, keys compared ignoring case).
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { requireUser } from './require-user';

export const tagUser: IamOperation<'TagUser'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(
    tags,
    (await ctx.store.tags.list('user', user.userId)).map((t) => t.Key),
  );
  await ctx.store.tags.put('user', user.userId, tags);
  return {};
};
