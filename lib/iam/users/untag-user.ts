// UntagUser: removes tags of a user by key (ignoring case); keys the user does not have are ignored, as AWS does.
import type { IamOperation } from '../../core/context';
import { requireUser } from './require-user';

export const untagUser: IamOperation<'UntagUser'> = async (ctx, input) => {
  const user = requireUser(ctx.store, input.UserName);
  ctx.store.tags.remove('user', user.userId, input.TagKeys ?? []);
  return {};
};
