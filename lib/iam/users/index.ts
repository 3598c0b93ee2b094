// The user operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { createUser } from './create-user';
import { deleteUser } from './delete-user';
import { getUser } from './get-user';
import { listUsers } from './list-users';
import { listUserTags } from './list-user-tags';
import { tagUser } from './tag-user';
import { untagUser } from './untag-user';
import { updateUser } from './update-user';

export const userOperations: IamOperationTable = {
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  UpdateUser: updateUser,
  DeleteUser: deleteUser,
  TagUser: tagUser,
  UntagUser: untagUser,
  ListUserTags: listUserTags,
};
