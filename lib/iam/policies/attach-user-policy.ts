// AttachUserPolicy: attaches a managed policy (customer or AWS managed) to a user.
import type { IamOperation } from '../../core/context';
import { attachPolicyOperation } from './attach-policy';

export const attachUserPolicy: IamOperation<'AttachUserPolicy'> = attachPolicyOperation('user');
