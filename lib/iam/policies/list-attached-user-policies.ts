// ListAttachedUserPolicies: the managed policies attached to a user, by name, paginated.
import type { ListAttachedUserPoliciesRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { listAttachedPoliciesOperation } from './attach-policy';

export const listAttachedUserPolicies: Operation<ListAttachedUserPoliciesRequest> = listAttachedPoliciesOperation('user');
