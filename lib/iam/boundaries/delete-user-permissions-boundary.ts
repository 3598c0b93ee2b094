// DeleteUserPermissionsBoundary: removes the permissions boundary of a user.
import type { DeleteUserPermissionsBoundaryRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { deletePermissionsBoundaryOperation } from './permissions-boundary';

export const deleteUserPermissionsBoundary: Operation<DeleteUserPermissionsBoundaryRequest> = deletePermissionsBoundaryOperation('user');
