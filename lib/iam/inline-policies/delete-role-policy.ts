// DeleteRolePolicy: removes an inline policy of a role.
import type { DeleteRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { deleteInlinePolicyOperation } from './inline-policy';

export const deleteRolePolicy: Operation<DeleteRolePolicyRequest> = deleteInlinePolicyOperation('role');
