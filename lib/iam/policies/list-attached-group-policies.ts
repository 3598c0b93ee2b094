// ListAttachedGroupPolicies: the managed policies attached to a group, by name, paginated.
import type { ListAttachedGroupPoliciesRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { listAttachedPoliciesOperation } from './attach-policy';

export const listAttachedGroupPolicies: Operation<ListAttachedGroupPoliciesRequest> = listAttachedPoliciesOperation('group');
