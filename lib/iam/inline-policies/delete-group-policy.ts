// DeleteGroupPolicy: removes an inline policy of a group.
import type { DeleteGroupPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { deleteInlinePolicyOperation } from './inline-policy';

export const deleteGroupPolicy: Operation<DeleteGroupPolicyRequest> = deleteInlinePolicyOperation('group');
