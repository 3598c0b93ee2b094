// DeleteAccessKey: removes a key of a user (or of the caller) for good.
import type { IamOperation } from '../../core/context';
import { requireOwnedKey, resolveKeyOwner } from './key-owner';

export const deleteAccessKey: IamOperation<'DeleteAccessKey'> = async (ctx, input) => {
  const owner = await resolveKeyOwner(ctx, input.UserName);
  const key = await requireOwnedKey(ctx, owner, input.AccessKeyId);
  await ctx.store.accessKeys.delete(key.accessKeyId);
  return {};
};
