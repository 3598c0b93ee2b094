// PutGroupPolicy: creates or replaces an inline policy of a group.
import type { PutGroupPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { putInlinePolicyOperation } from './inline-policy';

export const putGroupPolicy: Operation<PutGroupPolicyRequest> = putInlinePolicyOperation('group');
