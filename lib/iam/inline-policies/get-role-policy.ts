// GetRolePolicy: an inline policy of a role with its document.
import type { UncheckedIamOperation } from '../../core/context';
import { getInlinePolicyOperation } from './inline-policy';

export const getRolePolicy: UncheckedIamOperation<'GetRolePolicy'> = getInlinePolicyOperation('role');
