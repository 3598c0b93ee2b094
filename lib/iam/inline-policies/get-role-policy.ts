// GetRolePolicy: an inline policy of a role with its document.
import type { GetRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { getInlinePolicyOperation } from './inline-policy';

export const getRolePolicy: Operation<GetRolePolicyRequest> = getInlinePolicyOperation('role');
