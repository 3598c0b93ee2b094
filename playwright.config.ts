// Playwright: Debian's Chromium against the BUILT console (run `npx next build` first; this config builds
// nothing). Two servers, each with a fresh data directory: the main one, and one whose console sessions last
// a few seconds for the expiry test.
import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { MAIN_PORT, SHORT_PORT } from './e2e/console/ports';

// A fresh data directory per run (the servers create it). Other processes load this file too: they inherit the
// runner's choice through the environment, and only name a directory, never create one.
process.env.GH_E2E_DATA_DIR ??= path.join(os.tmpdir(), `gh-h5-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
const dataDir = process.env.GH_E2E_DATA_DIR;

const common = {
  GATEHOUSE_ACCOUNT_ID: '123456789012',
  GATEHOUSE_ROOT_EMAIL: 'root@example.com',
  GATEHOUSE_ROOT_PASSWORD: 'Root-Passw0rd!',
  GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
  GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
  GATEHOUSE_ALLOW_RESET: '1',
  NODE_ENV: 'production',
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: /console\/.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One retry: Playwright reports a test that passes only on retry as "flaky" in the output, so it stays visible
  // without a timing accident on a loaded 2-core CI machine blocking everything else.
  retries: 1,
  reporter: [['list']],
  globalTeardown: './e2e/console/global-teardown.ts',
  use: {
    baseURL: `http://localhost:${MAIN_PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'off',
  },
  webServer: [
    {
      command: `npx next start -p ${MAIN_PORT}`,
      url: `http://localhost:${MAIN_PORT}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      // Trusts the loopback "proxy" so that specs can play browsers at different addresses (X-Forwarded-For).
      env: {
        ...common,
        PORT: String(MAIN_PORT),
        GATEHOUSE_DATA_DIR: path.join(dataDir, 'main'),
        GATEHOUSE_TRUSTED_PROXIES: '127.0.0.1, ::1',
      },
    },
    {
      command: `npx next start -p ${SHORT_PORT}`,
      url: `http://localhost:${SHORT_PORT}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...common,
        PORT: String(SHORT_PORT),
        GATEHOUSE_DATA_DIR: path.join(dataDir, 'short'),
        GATEHOUSE_CONSOLE_SESSION_SECONDS: '10',
      },
    },
  ],
});
