// PutRolePolicy: creates or replaces an inline policy of a role.
import type { PutRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { putInlinePolicyOperation } from './inline-policy';

export const putRolePolicy: Operation<PutRolePolicyRequest> = putInlinePolicyOperation('role');
