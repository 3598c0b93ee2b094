// Looks up an instance profile by name or fails with AWS's NoSuchEntity message.
import { NoSuchEntity } from '../../core/errors';
import type { InstanceProfileRecord } from '../../store/instance-profiles';
import type { Store } from '../../store/types';

export async function requireInstanceProfile(store: Store, instanceProfileName: string): Promise<InstanceProfileRecord> {
  const profile = await store.instanceProfiles.getByName(instanceProfileName);
  if (!profile) throw new NoSuchEntity(`Instance Profile ${instanceProfileName} cannot be found.`);
  return profile;
}
