// DeleteUserPolicy: removes an inline policy of a user.
import type { IamOperation } from '../../core/context';
import { deleteInlinePolicyOperation } from './inline-policy';

export const deleteUserPolicy: IamOperation<'DeleteUserPolicy'> = deleteInlinePolicyOperation('user');
