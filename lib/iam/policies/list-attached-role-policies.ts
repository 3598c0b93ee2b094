// ListAttachedRolePolicies: the managed policies attached to a role, by name, paginated.
import type { ListAttachedRolePoliciesRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { listAttachedPoliciesOperation } from './attach-policy';

export const listAttachedRolePolicies: Operation<ListAttachedRolePoliciesRequest> = listAttachedPoliciesOperation('role');
