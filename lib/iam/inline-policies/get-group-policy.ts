// GetGroupPolicy: an inline policy of a group with its document.
import type { UncheckedIamOperation } from '../../core/context';
import { getInlinePolicyOperation } from './inline-policy';

export const getGroupPolicy: UncheckedIamOperation<'GetGroupPolicy'> = getInlinePolicyOperation('group');
