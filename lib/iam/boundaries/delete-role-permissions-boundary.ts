// DeleteRolePermissionsBoundary: removes the permissions boundary of a role.
import type { IamOperation } from '../../core/context';
import { deletePermissionsBoundaryOperation } from './permissions-boundary';

export const deleteRolePermissionsBoundary: IamOperation<'DeleteRolePermissionsBoundary'> = deletePermissionsBoundaryOperation('role');
