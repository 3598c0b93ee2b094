// AttachRolePolicy: attaches a managed policy (customer or AWS managed) to a role.
import type { IamOperation } from '../../core/context';
import { attachPolicyOperation } from './attach-policy';

export const attachRolePolicy: IamOperation<'AttachRolePolicy'> = attachPolicyOperation('role');
