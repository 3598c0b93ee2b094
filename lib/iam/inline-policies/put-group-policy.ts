// PutGroupPolicy: creates or replaces an inline policy of a group.
import type { IamOperation } from '../../core/context';
import { putInlinePolicyOperation } from './inline-policy';

export const putGroupPolicy: IamOperation<'PutGroupPolicy'> = putInlinePolicyOperation('group');
