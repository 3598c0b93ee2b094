// The process-wide IAM service of the console's origin (the /aws mount), created on first use.
import { loadConfig } from '../config';
import { createService, type Service } from './create-service';

const globalForService = globalThis as unknown as { __gatehouseService?: Promise<Service> };

/**
 * The embedded service, configured from the environment. The promise is what is kept: two first calls at once share
 * one service (two would be two stores on one data directory, which the SQLite store refuses).
 */
export function getService(): Promise<Service> {
  globalForService.__gatehouseService ??= createService(loadConfig());
  return globalForService.__gatehouseService;
}
