// The one bounded cache of the service: least recently used entries go first, so keys chosen by a client (action
// names, patterns, access key ids, service prefixes) can never grow memory without limit. Built on lru-cache;
// lib/policy and the browser analyses (lib/simulator, lib/explorer), which import nothing of ours but the policy
// engine, use lru-cache directly the same way.

import { LRUCache } from 'lru-cache';

/**
 * A cache of at most `max` entries that drops the least recently used one when full. Its slots are allocated up
 * front (fast, fixed memory): meant for long-lived caches of a module or a service, not one per object. Entries
 * are values rebuilt on a miss, so an eviction costs time, never correctness.
 */
export class BoundedCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>> extends LRUCache<K, V> {
  constructor(max: number) {
    super({ max });
  }
}
