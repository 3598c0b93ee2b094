// UpdateUser: rename a user and/or move it to another path.
import { EntityAlreadyExists } from '../../core/errors';
import { isDuplicateKeyError } from '../../store/errors';
import type { IamOperation } from '../../core/context';
import { validateName, validatePath } from '../validation';
import { requireUser } from './require-user';

export const updateUser: IamOperation<'UpdateUser'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  const changes: { userName?: string; path?: string } = {};
  if (input.NewUserName !== undefined && input.NewUserName !== user.userName) {
    validateName(input.NewUserName, 'newUserName', 64);
    const other = await ctx.store.users.getByName(input.NewUserName);
    if (other && other.userId !== user.userId) throw new EntityAlreadyExists(`User with name ${input.NewUserName} already exists.`);
    changes.userName = input.NewUserName;
  }
  if (input.NewPath !== undefined) {
    validatePath(input.NewPath, 'newPath');
    changes.path = input.NewPath;
  }
  try {
    // Memberships, keys, policies and tags reference the user id, so they follow the rename.
    await ctx.store.users.update(user.userId, changes);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new EntityAlreadyExists(`User with name ${input.NewUserName} already exists.`);
    throw error;
  }
  return {};
};
