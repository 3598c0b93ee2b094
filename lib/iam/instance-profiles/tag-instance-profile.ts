// TagInstanceProfile: adds or overwrites tags of an instance profile (at most 50, keys compared ignoring case).
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { requireInstanceProfile } from './require-instance-profile';

export const tagInstanceProfile: IamOperation<'TagInstanceProfile'> = async (ctx, input) => {
  const profile = await requireInstanceProfile(ctx.store, input.InstanceProfileName);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(
    tags,
    (await ctx.store.tags.list('instance-profile', profile.instanceProfileId)).map((t) => t.Key),
  );
  await ctx.store.tags.put('instance-profile', profile.instanceProfileId, tags);
  return {};
};
