// DetachGroupPolicy: detaches a managed policy from a group.
import type { IamOperation } from '../../core/context';
import { detachPolicyOperation } from './attach-policy';

export const detachGroupPolicy: IamOperation<'DetachGroupPolicy'> = detachPolicyOperation('group');
