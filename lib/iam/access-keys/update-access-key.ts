// UpdateAccessKey: activates or deactivates a key of a user (or of the caller).
import type { UpdateAccessKeyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { requireOwnedKey, resolveKeyOwner } from './key-owner';

export const updateAccessKey: Operation<UpdateAccessKeyRequest> = (ctx, input) => {
  const owner = resolveKeyOwner(ctx, input.UserName);
  const key = requireOwnedKey(ctx, owner, input.AccessKeyId!);
  ctx.store.accessKeys.setStatus(key.accessKeyId, input.Status as 'Active' | 'Inactive');
  return {};
};
