// GetUserPolicy: an inline policy of a user with its document.
import type { UncheckedIamOperation } from '../../core/context';
import { getInlinePolicyOperation } from './inline-policy';

export const getUserPolicy: UncheckedIamOperation<'GetUserPolicy'> = getInlinePolicyOperation('user');
