// UntagUser: removes tags of a user by key (ignoring case); keys the user does not have are ignored, as AWS does.
import type { UntagUserRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { requireUser } from './require-user';

export const untagUser: Operation<UntagUserRequest> = (ctx, input) => {
  const user = requireUser(ctx.store, input.UserName!);
  ctx.store.tags.remove('user', user.userId, input.TagKeys ?? []);
  return {};
};
