// DetachRolePolicy: detaches a managed policy from a role.
import type { IamOperation } from '../../core/context';
import { detachPolicyOperation } from './attach-policy';

export const detachRolePolicy: IamOperation<'DetachRolePolicy'> = detachPolicyOperation('role');
