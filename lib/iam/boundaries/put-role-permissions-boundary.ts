// PutRolePermissionsBoundary: sets a managed policy as the permissions boundary of a role.
import type { IamOperation } from '../../core/context';
import { putPermissionsBoundaryOperation } from './permissions-boundary';

export const putRolePermissionsBoundary: IamOperation<'PutRolePermissionsBoundary'> = putPermissionsBoundaryOperation('role');
