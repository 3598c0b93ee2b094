// ListRolePolicies: the names of a role's inline policies, paginated.
import type { IamOperation } from '../../core/context';
import { listInlinePoliciesOperation } from './inline-policy';

export const listRolePolicies: IamOperation<'ListRolePolicies'> = listInlinePoliciesOperation('role');
