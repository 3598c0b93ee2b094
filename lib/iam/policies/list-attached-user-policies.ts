// ListAttachedUserPolicies: the managed policies attached to a user, by name, paginated.
import type { IamOperation } from '../../core/context';
import { listAttachedPoliciesOperation } from './attach-policy';

export const listAttachedUserPolicies: IamOperation<'ListAttachedUserPolicies'> = listAttachedPoliciesOperation('user');
