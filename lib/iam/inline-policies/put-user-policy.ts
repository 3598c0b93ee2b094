// PutUserPolicy: creates or replaces an inline policy of a user.
import type { IamOperation } from '../../core/context';
import { putInlinePolicyOperation } from './inline-policy';

export const putUserPolicy: IamOperation<'PutUserPolicy'> = putInlinePolicyOperation('user');
