// DeleteUserPolicy: removes an inline policy of a user.
import type { DeleteUserPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { deleteInlinePolicyOperation } from './inline-policy';

export const deleteUserPolicy: Operation<DeleteUserPolicyRequest> = deleteInlinePolicyOperation('user');
