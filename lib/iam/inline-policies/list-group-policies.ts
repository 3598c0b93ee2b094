// ListGroupPolicies: the names of a group's inline policies, paginated.
import type { IamOperation } from '../../core/context';
import { listInlinePoliciesOperation } from './inline-policy';

export const listGroupPolicies: IamOperation<'ListGroupPolicies'> = listInlinePoliciesOperation('group');
