// ListRolePolicies: the names of a role's inline policies, paginated.
import type { ListRolePoliciesRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { listInlinePoliciesOperation } from './inline-policy';

export const listRolePolicies: Operation<ListRolePoliciesRequest> = listInlinePoliciesOperation('role');
