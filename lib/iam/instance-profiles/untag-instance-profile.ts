// UntagInstanceProfile: removes tags from an instance profile by key (ignoring case).
import type { IamOperation } from '../../core/context';
import { requireInstanceProfile } from './require-instance-profile';

export const untagInstanceProfile: IamOperation<'UntagInstanceProfile'> = async (ctx, input) => {
  const profile = await requireInstanceProfile(ctx.store, input.InstanceProfileName);
  await ctx.store.tags.remove('instance-profile', profile.instanceProfileId, input.TagKeys ?? []);
  return {};
};
