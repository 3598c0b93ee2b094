// AttachUserPolicy: attaches a managed policy (customer or AWS managed) to a user.
import type { AttachUserPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { attachPolicyOperation } from './attach-policy';

export const attachUserPolicy: Operation<AttachUserPolicyRequest> = attachPolicyOperation('user');
