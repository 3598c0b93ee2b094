// PutUserPolicy: creates or replaces an inline policy of a user.
import type { PutUserPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { putInlinePolicyOperation } from './inline-policy';

export const putUserPolicy: Operation<PutUserPolicyRequest> = putInlinePolicyOperation('user');
