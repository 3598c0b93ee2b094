// Unit tests: beside the code, no server needed.
import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'app/**/*.test.ts', 'bin/**/*.test.ts'],
    exclude: ['node_modules', '.next', 'e2e'],
    environment: 'node',
    testTimeout: 20000,
  },
});
