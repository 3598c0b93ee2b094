// Integration tests: real clients (AWS SDK, awscli) against a running Gatehouse server started per suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['e2e/integration/**/*.test.ts'],
    // GATEHOUSE_TEST_STORE=postgres: one throwaway PostgreSQL cluster for the run (see e2e/support/test-store.ts).
    globalSetup: ['e2e/support/postgres-global-setup.ts'],
    environment: 'node',
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
