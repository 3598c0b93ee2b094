// GetUserPolicy: an inline policy of a user with its document.
import type { GetUserPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { getInlinePolicyOperation } from './inline-policy';

export const getUserPolicy: Operation<GetUserPolicyRequest> = getInlinePolicyOperation('user');
