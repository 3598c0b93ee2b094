// UntagUser: removes tags of a user by key (ignoring case); keys the user does not have are ignored, as AWS does.
import type { IamOperation } from '../../core/context';
import { requireUser } from './require-user';

export const untagUser: IamOperation<'UntagUser'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  await ctx.store.tags.remove('user', user.userId, input.TagKeys ?? []);
  return {};
};
