// The process-wide IAM service of the console's origin (the /aws mount), created on first use.
import { loadConfig } from '../config';
import { createService, type Service } from './create-service';

const globalForService = globalThis as unknown as { __gatehouseService?: Service };

/** The embedded service, configured from the environment. */
export async function getService(): Promise<Service> {
  if (!globalForService.__gatehouseService) globalForService.__gatehouseService = await createService(loadConfig());
  return globalForService.__gatehouseService;
}
