// Looks up a user by name or fails with AWS's NoSuchEntity message.
import { NoSuchEntity } from '../../core/errors';
import type { Store } from '../../store/types';
import type { UserRecord } from '../../store/users';

export async function requireUser(store: Store, userName: string): Promise<UserRecord> {
  const user = await store.users.getByName(userName);
  if (!user) throw new NoSuchEntity(`The user with name ${userName} cannot be found.`);
  return user;
}
