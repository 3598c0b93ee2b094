// The "policy generation" of a store: a counter bumped by every IAM write, so cached policy sets never outlive a change.
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
 * True for IAM actions that may change what some principal is allowed to do (any write). Read-only
 * families (Get, List, Simulate, Generate) never do.
 */
export function isMutatingIamAction(action: string): boolean {
  return !/^(Get|List|Simulate|Generate)/.test(action);
}
