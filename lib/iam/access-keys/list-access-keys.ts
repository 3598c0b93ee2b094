// ListAccessKeys: the key ids of a user (or of the caller), oldest first, paginated; never the secrets.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { accessKeyMetadataView, resolveKeyOwner } from './key-owner';

export const listAccessKeys: IamOperation<'ListAccessKeys'> = async (ctx, input) => {
  const owner = await resolveKeyOwner(ctx, input.UserName);
  const keys = await ctx.store.accessKeys.listForUser(owner.userId);
  const page = paginateArray(keys, (key) => `${key.createDate}|${key.accessKeyId}`, input.Marker, input.MaxItems);
  return {
    AccessKeyMetadata: page.items.map((key) => accessKeyMetadataView(owner, key)),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
