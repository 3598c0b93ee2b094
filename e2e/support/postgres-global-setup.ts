// vitest globalSetup of the integration suite: with GATEHOUSE_TEST_STORE=postgres, one throwaway PostgreSQL cluster
// for the whole run (started once: ~1.7 s, instead of once per test file), its URL handed to the test files.
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // The same switch as e2e/support/test-store.ts (which imports vitest's test-side API, so is not imported here).
  const store = (process.env.GATEHOUSE_TEST_STORE ?? '').trim().toLowerCase();
  if (store !== 'postgres' && store !== 'postgresql') {
    project.provide('gatehousePostgresUrl', '');
    return undefined;
  }
  const cluster: PostgresCluster = await startPostgresCluster();
  project.provide('gatehousePostgresUrl', cluster.url);
  return () => cluster.stop();
}
