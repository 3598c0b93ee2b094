// PutRolePolicy: creates or replaces an inline policy of a role.
import type { IamOperation } from '../../core/context';
import { putInlinePolicyOperation } from './inline-policy';

export const putRolePolicy: IamOperation<'PutRolePolicy'> = putInlinePolicyOperation('role');
