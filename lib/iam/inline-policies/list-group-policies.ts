// ListGroupPolicies: the names of a group's inline policies, paginated.
import type { ListGroupPoliciesRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { listInlinePoliciesOperation } from './inline-policy';

export const listGroupPolicies: Operation<ListGroupPoliciesRequest> = listInlinePoliciesOperation('group');
