// The user operations of the IAM API, by AWS action name.
import type { Operation } from '../context';
import { createUser } from './create-user';
import { getUser } from './get-user';
import { listUsers } from './list-users';
import { updateUser } from './update-user';

export const userOperations: Record<string, Operation> = {
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  UpdateUser: updateUser,
};
