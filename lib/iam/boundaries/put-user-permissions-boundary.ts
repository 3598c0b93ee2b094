// PutUserPermissionsBoundary: sets a managed policy as the permissions boundary of a user.
import type { PutUserPermissionsBoundaryRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { putPermissionsBoundaryOperation } from './permissions-boundary';

export const putUserPermissionsBoundary: Operation<PutUserPermissionsBoundaryRequest> = putPermissionsBoundaryOperation('user');
