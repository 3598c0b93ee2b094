// DetachUserPolicy: detaches a managed policy from a user.
import type { DetachUserPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { detachPolicyOperation } from './attach-policy';

export const detachUserPolicy: Operation<DetachUserPolicyRequest> = detachPolicyOperation('user');
