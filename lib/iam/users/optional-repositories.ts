// Repositories of aggregates built in parallel (login profiles, MFA, policies) seen as optional, so the user,
// group and account operations can check them where they exist. The lead replaces this with the Store's own
// fields once every repository is wired (issue 2).
import type { Store } from '../../store/types';
import type { AttachmentRepository, InlinePolicyRepository, ManagedPolicyRepository } from '../../store/policies';

/** The parts of the not-yet-wired repositories these operations use; every method is checked before use. */
export interface OptionalRepositories {
  attachments?: Partial<Pick<AttachmentRepository, 'listForPrincipal' | 'countForPrincipal' | 'removeAllForPrincipal'>>;
  inlinePolicies?: Partial<Pick<InlinePolicyRepository, 'list' | 'removeAllForPrincipal'>>;
  managedPolicies?: Partial<Pick<ManagedPolicyRepository, 'count' | 'list' | 'listVersions'>>;
  loginProfiles?: { get?(userId: string): unknown };
  mfaDevices?: {
    listForUser?(userId: string): unknown[];
    count?(): number;
    countAssigned?(): number;
  };
  roles?: { count?(): number };
  instanceProfiles?: { count?(): number };
}

/** The store seen with its optional repositories (absent ones are undefined). */
export function optionalRepositories(store: Store): OptionalRepositories {
  return store as unknown as OptionalRepositories;
}

/** Number of managed policies attached to a principal, 0 while the attachments repository is absent. */
export function attachedPolicyCount(store: Store, kind: 'user' | 'group' | 'role', id: string): number {
  const attachments = optionalRepositories(store).attachments;
  if (attachments?.countForPrincipal) return attachments.countForPrincipal(kind, id);
  return attachments?.listForPrincipal?.(kind, id).length ?? 0;
}

/** Number of inline policies of a principal, 0 while the inline policies repository is absent. */
export function inlinePolicyCount(store: Store, kind: 'user' | 'group' | 'role', id: string): number {
  return optionalRepositories(store).inlinePolicies?.list?.(kind, id).length ?? 0;
}
