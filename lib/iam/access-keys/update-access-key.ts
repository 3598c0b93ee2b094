// UpdateAccessKey: activates or deactivates a key of a user (or of the caller).
import type { IamOperation } from '../../core/context';
import { requireOwnedKey, resolveKeyOwner } from './key-owner';

export const updateAccessKey: IamOperation<'UpdateAccessKey'> = async (ctx, input) => {
  const owner = await resolveKeyOwner(ctx, input.UserName);
  const key = await requireOwnedKey(ctx, owner, input.AccessKeyId);
  await ctx.store.accessKeys.setStatus(key.accessKeyId, input.Status as 'Active' | 'Inactive');
  return {};
};
