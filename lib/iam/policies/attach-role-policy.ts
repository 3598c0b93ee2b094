// AttachRolePolicy: attaches a managed policy (customer or AWS managed) to a role.
import type { AttachRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { attachPolicyOperation } from './attach-policy';

export const attachRolePolicy: Operation<AttachRolePolicyRequest> = attachPolicyOperation('role');
