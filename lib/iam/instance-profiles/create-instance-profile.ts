// CreateInstanceProfile: a new, empty instance profile with a path and tags.
import { EntityAlreadyExists, LimitExceeded } from '../../core/errors';
import { newUniqueId } from '../../crypto/ids';
import { isDuplicateKeyError } from '../../store/errors';
import type { IamOperation } from '../../core/context';
import { QUOTAS, validateName, validatePath, validateTags } from '../validation';
import { instanceProfileView } from './instance-profile-view';

export const createInstanceProfile: IamOperation<'CreateInstanceProfile'> = async (ctx, input) => {
  const { store } = ctx;
  const name = input.InstanceProfileName;
  const path = input.Path ?? '/';
  validateName(name, 'instanceProfileName', 128);
  validatePath(path);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(tags);
  if (await store.instanceProfiles.getByName(name)) throw new EntityAlreadyExists(`Instance Profile ${name} already exists.`);
  if ((await store.instanceProfiles.count()) >= QUOTAS.instanceProfilesPerAccount) {
    throw new LimitExceeded(`Cannot exceed quota for InstanceProfilesPerAccount: ${QUOTAS.instanceProfilesPerAccount}`);
  }
  const profile = { instanceProfileId: newUniqueId('AIPA'), instanceProfileName: name, path, createDate: ctx.now.toISOString() };
  try {
    await store.instanceProfiles.insert(profile);
  } catch (error) {
    // A concurrent writer that won the race between the check above and this insert.
    if (isDuplicateKeyError(error)) throw new EntityAlreadyExists(`Instance Profile ${name} already exists.`);
    throw error;
  }
  if (tags.length > 0) await store.tags.put('instance-profile', profile.instanceProfileId, tags);
  return { InstanceProfile: await instanceProfileView(store, ctx.principal.accountId, profile, { tags }) };
};
