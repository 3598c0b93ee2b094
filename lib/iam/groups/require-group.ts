// Looks up a group by name or fails with AWS's NoSuchEntity message.
import { NoSuchEntity } from '../../core/errors';
import type { GroupRecord } from '../../store/groups';
import type { Store } from '../../store/types';

export async function requireGroup(store: Store, groupName: string): Promise<GroupRecord> {
  const group = await store.groups.getByName(groupName);
  if (!group) throw new NoSuchEntity(`The group with name ${groupName} cannot be found.`);
  return group;
}
