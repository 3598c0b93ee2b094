// DeleteRolePolicy: removes an inline policy of a role.
import type { IamOperation } from '../../core/context';
import { deleteInlinePolicyOperation } from './inline-policy';

export const deleteRolePolicy: IamOperation<'DeleteRolePolicy'> = deleteInlinePolicyOperation('role');
