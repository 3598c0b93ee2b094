// PutRolePermissionsBoundary: sets a managed policy as the permissions boundary of a role.
import type { PutRolePermissionsBoundaryRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { putPermissionsBoundaryOperation } from './permissions-boundary';

export const putRolePermissionsBoundary: Operation<PutRolePermissionsBoundaryRequest> = putPermissionsBoundaryOperation('role');
