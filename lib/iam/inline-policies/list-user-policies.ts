// ListUserPolicies: the names of a user's inline policies, paginated.
import type { IamOperation } from '../../core/context';
import { listInlinePoliciesOperation } from './inline-policy';

export const listUserPolicies: IamOperation<'ListUserPolicies'> = listInlinePoliciesOperation('user');
