// ListAttachedRolePolicies: the managed policies attached to a role, by name, paginated.
import type { IamOperation } from '../../core/context';
import { listAttachedPoliciesOperation } from './attach-policy';

export const listAttachedRolePolicies: IamOperation<'ListAttachedRolePolicies'> = listAttachedPoliciesOperation('role');
