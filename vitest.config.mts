// Unit tests: beside the code, no server needed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'app/**/*.test.ts', 'bin/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', '.next', 'e2e'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 20000,
  },
});
