// ListUserPolicies: the names of a user's inline policies, paginated.
import type { ListUserPoliciesRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { listInlinePoliciesOperation } from './inline-policy';

export const listUserPolicies: Operation<ListUserPoliciesRequest> = listInlinePoliciesOperation('user');
