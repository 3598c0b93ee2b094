// DeleteGroupPolicy: removes an inline policy of a group.
import type { IamOperation } from '../../core/context';
import { deleteInlinePolicyOperation } from './inline-policy';

export const deleteGroupPolicy: IamOperation<'DeleteGroupPolicy'> = deleteInlinePolicyOperation('group');
