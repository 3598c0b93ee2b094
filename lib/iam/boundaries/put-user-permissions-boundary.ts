// PutUserPermissionsBoundary: sets a managed policy as the permissions boundary of a user.
import type { IamOperation } from '../../core/context';
import { putPermissionsBoundaryOperation } from './permissions-boundary';

export const putUserPermissionsBoundary: IamOperation<'PutUserPermissionsBoundary'> = putPermissionsBoundaryOperation('user');
