// Looks up a user by name or fails with AWS's NoSuchEntity message.
import { NoSuchEntity } from '../../core/errors';
import type { Store } from '../../store/types';
import type { UserRecord } from '../../store/users';

export function requireUser(store: Store, userName: string): UserRecord {
  const user = store.users.getByName(userName);
  if (!user) throw new NoSuchEntity(`The user with name ${userName} cannot be found.`);
  return user;
}
