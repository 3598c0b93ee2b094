// DetachGroupPolicy: detaches a managed policy from a group.
import type { DetachGroupPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { detachPolicyOperation } from './attach-policy';

export const detachGroupPolicy: Operation<DetachGroupPolicyRequest> = detachPolicyOperation('group');
