// The permissions boundary operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { putUserPermissionsBoundary } from './put-user-permissions-boundary';
import { deleteUserPermissionsBoundary } from './delete-user-permissions-boundary';
import { putRolePermissionsBoundary } from './put-role-permissions-boundary';
import { deleteRolePermissionsBoundary } from './delete-role-permissions-boundary';

export const boundaryOperations: IamOperationTable = {
  PutUserPermissionsBoundary: putUserPermissionsBoundary,
  DeleteUserPermissionsBoundary: deleteUserPermissionsBoundary,
  PutRolePermissionsBoundary: putRolePermissionsBoundary,
  DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary,
};
