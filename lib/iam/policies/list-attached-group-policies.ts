// ListAttachedGroupPolicies: the managed policies attached to a group, by name, paginated.
import type { IamOperation } from '../../core/context';
import { listAttachedPoliciesOperation } from './attach-policy';

export const listAttachedGroupPolicies: IamOperation<'ListAttachedGroupPolicies'> = listAttachedPoliciesOperation('group');
