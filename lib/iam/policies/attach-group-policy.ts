// AttachGroupPolicy: attaches a managed policy (customer or AWS managed) to a group.
import type { IamOperation } from '../../core/context';
import { attachPolicyOperation } from './attach-policy';

export const attachGroupPolicy: IamOperation<'AttachGroupPolicy'> = attachPolicyOperation('group');
