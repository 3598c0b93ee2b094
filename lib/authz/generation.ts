// The "policy generation" of a store: a counter bumped by every IAM write that can change an existing entity, so
// cached policy sets never outlive a change.
import { isPureCreation, isReadOnlyIamAction } from '../core/write-kinds';
import type { Store } from '../store/types';

const generations = new WeakMap<Store, number>();

/**
 * The current policy generation of a store (0 until the first write). While the store's caches are not trusted
 * (PostgreSQL: the invalidation channel is down) every call starts a new generation, so nothing cached is reused.
 */
export function policyGeneration(store: Store): number {
  if (!store.cachesTrusted()) bumpPolicyGeneration(store);
  return generations.get(store.root) ?? 0;
}

/** Marks every cached policy set of the store as stale; the next request recomputes its principal's set. */
export function bumpPolicyGeneration(store: Store): void {
  generations.set(store.root, (generations.get(store.root) ?? 0) + 1);
}

/**
 * Writes that touch neither policies, attachments, memberships, boundaries, tags nor entity names and paths
 * (credentials, account settings): nothing the authorizer caches depends on them.
 */
const CREDENTIAL_WRITES =
  /^(Create|Update|Delete)(AccessKey|LoginProfile|AccountAlias|AccountPasswordPolicy|ServiceSpecificCredential)$|^ChangePassword$|^(Enable|Deactivate|Resync)MFADevice$|^(Create|Delete)VirtualMFADevice$|^ResetServiceSpecificCredential$|^(Upload|Update|Delete)(SSHPublicKey|SigningCertificate)$|^SetSecurityTokenServicePreferences$/;

/**
 * True for IAM actions that may change what some existing principal is allowed to do, or the ARN and tags
 * of an existing entity: every write except credential and account-setting writes and pure creations.
 * Read-only families (Get, List, Simulate, Generate) never do.
 */
export function isMutatingIamAction(action: string): boolean {
  return !isReadOnlyIamAction(action) && !CREDENTIAL_WRITES.test(action) && !isPureCreation(action);
}
