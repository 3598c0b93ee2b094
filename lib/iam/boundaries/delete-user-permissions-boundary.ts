// DeleteUserPermissionsBoundary: removes the permissions boundary of a user.
import type { IamOperation } from '../../core/context';
import { deletePermissionsBoundaryOperation } from './permissions-boundary';

export const deleteUserPermissionsBoundary: IamOperation<'DeleteUserPermissionsBoundary'> = deletePermissionsBoundaryOperation('user');
