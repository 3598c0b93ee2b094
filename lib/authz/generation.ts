// The "policy generation" of a store: a counter bumped by every IAM write that can change an existing entity, so
// cached policy sets never outlive a change.
import type { Store } from '../store/types';

const generations = new WeakMap<Store, number>();

/** The current policy generation of a store (0 until the first write). */
export function policyGeneration(store: Store): number {
  return generations.get(store) ?? 0;
}

/** Marks every cached policy set of the store as stale; the next request recomputes its principal's set. */
export function bumpPolicyGeneration(store: Store): void {
  generations.set(store, policyGeneration(store) + 1);
}

/**
 * Writes that touch neither policies, attachments, memberships, boundaries, tags nor entity names and paths
 * (credentials, account settings): nothing the authorizer caches depends on them.
 */
const CREDENTIAL_WRITES = /^(Create|Update|Delete)(AccessKey|LoginProfile|AccountAlias|AccountPasswordPolicy|ServiceSpecificCredential)$|^ChangePassword$|^(Enable|Deactivate|Resync)MFADevice$|^(Create|Delete)VirtualMFADevice$|^ResetServiceSpecificCredential$|^(Upload|Update|Delete)(SSHPublicKey|SigningCertificate)$|^SetSecurityTokenServicePreferences$/;

/**
 * Creations of an entity that starts with nothing attached and no members: no cached policy set, key or
 * principal can depend on it, and lookups of entities that do not exist are never cached (resources.ts).
 * CreatePolicy is not here: a session's PolicyArns may name a policy before it exists.
 */
const PURE_CREATIONS = /^Create(User|Group|Role|InstanceProfile)$/;

/**
 * True for IAM actions that may change what some existing principal is allowed to do, or the ARN and tags
 * of an existing entity: every write except credential and account-setting writes and pure creations.
 * Read-only families (Get, List, Simulate, Generate) never do.
 */
export function isMutatingIamAction(action: string): boolean {
  return !/^(Get|List|Simulate|Generate)/.test(action) && !CREDENTIAL_WRITES.test(action) && !PURE_CREATIONS.test(action);
}

