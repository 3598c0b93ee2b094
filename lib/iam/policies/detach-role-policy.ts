// DetachRolePolicy: detaches a managed policy from a role.
import type { DetachRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { detachPolicyOperation } from './attach-policy';

export const detachRolePolicy: Operation<DetachRolePolicyRequest> = detachPolicyOperation('role');
