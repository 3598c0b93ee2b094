// ListRolePolicies: the names of a role's inline policies, paginated.
import type { ListRolePoliciesRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../context';
import { listInlinePoliciesOperation } from './inline-policy';

export const listRolePolicies: Operation<ListRolePoliciesRequest> = listInlinePoliciesOperation('role');
