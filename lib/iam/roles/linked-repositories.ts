// Policy repositories built in parallel (attachments, inline policies, managed policies), seen as optional so
// role operations can check them where they exist. Replace with the Store's own fields once they are wired.
import type { Store } from '../../store/types';
import type { AttachmentRepository, InlinePolicyRepository, ManagedPolicyRepository } from '../../store/policies';

interface LinkedRepositories {
  attachments?: Partial<AttachmentRepository>;
  inlinePolicies?: Partial<InlinePolicyRepository>;
  managedPolicies?: Partial<ManagedPolicyRepository>;
}

/** The store seen with its optional policy repositories (absent ones are undefined). */
export function linkedRepositories(store: Store): LinkedRepositories {
  return store as unknown as LinkedRepositories;
}

/** Managed policies attached to a role (empty while the attachments repository is absent). */
export function roleAttachments(store: Store, roleId: string) {
  return linkedRepositories(store).attachments?.listForPrincipal?.('role', roleId) ?? [];
}

/** Inline policies of a role (empty while the inline policies repository is absent). */
export function roleInlinePolicies(store: Store, roleId: string) {
  return linkedRepositories(store).inlinePolicies?.list?.('role', roleId) ?? [];
}
