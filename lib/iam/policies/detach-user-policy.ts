// DetachUserPolicy: detaches a managed policy from a user.
import type { IamOperation } from '../../core/context';
import { detachPolicyOperation } from './attach-policy';

export const detachUserPolicy: IamOperation<'DetachUserPolicy'> = detachPolicyOperation('user');
