// DeleteRolePermissionsBoundary: removes the permissions boundary of a role.
import type { DeleteRolePermissionsBoundaryRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { deletePermissionsBoundaryOperation } from './permissions-boundary';

export const deleteRolePermissionsBoundary: Operation<DeleteRolePermissionsBoundaryRequest> = deletePermissionsBoundaryOperation('role');
