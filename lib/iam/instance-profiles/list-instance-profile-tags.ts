// ListInstanceProfileTags: an instance profile's tags in the order they were added, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireInstanceProfile } from './require-instance-profile';

export const listInstanceProfileTags: IamOperation<'ListInstanceProfileTags'> = async (ctx, input) => {
  const profile = await requireInstanceProfile(ctx.store, input.InstanceProfileName);
  const positioned = (await ctx.store.tags.list('instance-profile', profile.instanceProfileId)).map((tag, index) => ({
    tag,
    key: String(index).padStart(6, '0'),
  }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
