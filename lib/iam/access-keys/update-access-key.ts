// UpdateAccessKey: activates or deactivates a key of a user (or of the caller).
import type { IamOperation } from '../../core/context';
import { requireOwnedKey, resolveKeyOwner } from './key-owner';

export const updateAccessKey: IamOperation<'UpdateAccessKey'> = async (ctx, input) => {
  const owner = resolveKeyOwner(ctx, input.UserName);
  const key = requireOwnedKey(ctx, owner, input.AccessKeyId);
  ctx.store.accessKeys.setStatus(key.accessKeyId, input.Status as 'Active' | 'Inactive');
  return {};
};
