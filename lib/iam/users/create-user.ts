// CreateUser: a new IAM user with a path, optional permissions boundary and tags.
import { EntityAlreadyExists, LimitExceeded } from '../../core/errors';
import { newUniqueId } from '../../crypto/ids';
import { isDuplicateKeyError } from '../../store/errors';
import type { IamOperation } from '../../core/context';
import { requireBoundaryPolicy } from '../policies/managed-policy';
import { QUOTAS, validateName, validatePath, validateTags } from '../validation';
import { userView } from './user-view';

export const createUser: IamOperation<'CreateUser'> = async (ctx, input) => {
  const { store } = ctx;
  const userName = input.UserName;
  const path = input.Path ?? '/';
  validateName(userName, 'userName', 64);
  validatePath(path);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(tags);
  // The same check as PutUserPermissionsBoundary: a managed policy (customer or AWS) that exists.
  if (input.PermissionsBoundary !== undefined) await requireBoundaryPolicy(store, input.PermissionsBoundary);
  if (await store.users.getByName(userName)) throw new EntityAlreadyExists(`User with name ${userName} already exists.`);
  if ((await store.users.count()) >= QUOTAS.usersPerAccount) {
    throw new LimitExceeded(`Cannot exceed quota for UsersPerAccount: ${QUOTAS.usersPerAccount}`);
  }
  const user = {
    userId: newUniqueId('AIDA'),
    userName,
    path,
    createDate: ctx.now.toISOString(),
    permissionsBoundaryArn: input.PermissionsBoundary,
  };
  try {
    await store.users.insert(user);
  } catch (error) {
    // A concurrent writer that won the race between the check above and this insert.
    if (isDuplicateKeyError(error)) throw new EntityAlreadyExists(`User with name ${userName} already exists.`);
    throw error;
  }
  if (tags.length > 0) await store.tags.put('user', user.userId, tags);
  return { User: userView(ctx.principal.accountId, user, { tags, withBoundary: true }) };
};
