// GetInstanceProfile: an instance profile with its role and tags.
import type { IamOperation } from '../../core/context';
import { instanceProfileView } from './instance-profile-view';
import { requireInstanceProfile } from './require-instance-profile';

export const getInstanceProfile: IamOperation<'GetInstanceProfile'> = async (ctx, input) => {
  const profile = await requireInstanceProfile(ctx.store, input.InstanceProfileName);
  const tags = await ctx.store.tags.list('instance-profile', profile.instanceProfileId);
  return { InstanceProfile: await instanceProfileView(ctx.store, ctx.principal.accountId, profile, { tags, emptyTags: true }) };
};
