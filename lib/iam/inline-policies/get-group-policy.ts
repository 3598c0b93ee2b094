// GetGroupPolicy: an inline policy of a group with its document.
import type { GetGroupPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { getInlinePolicyOperation } from './inline-policy';

export const getGroupPolicy: Operation<GetGroupPolicyRequest> = getInlinePolicyOperation('group');
