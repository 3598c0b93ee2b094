// AttachGroupPolicy: attaches a managed policy (customer or AWS managed) to a group.
import type { AttachGroupPolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { attachPolicyOperation } from './attach-policy';

export const attachGroupPolicy: Operation<AttachGroupPolicyRequest> = attachPolicyOperation('group');
