// A full load of every console page is clean: no uncaught page error (hydration mismatches included), no console
// error, no failed request (the app icon too) — for the admin, in a time zone and locale other than the server's.
import {
  CreateGroupCommand,
  CreateRoleCommand,
  CreatePolicyCommand,
  GetGroupCommand,
  GetRoleCommand,
  ListPoliciesCommand,
} from '@aws-sdk/client-iam';
import type { Browser } from '@playwright/test';
import { expect, test } from './test';
import { ACCOUNT_ID, ADMIN_KEYS, adminIam, expectDashboard, signInWithKeys } from './helpers';

const PAGES = [
  '/',
  '/users',
  '/users/admin',
  '/users/new',
  '/groups',
  '/groups/new',
  '/groups/Administrators',
  '/roles',
  '/roles/new',
  '/roles/e2e-clean-load-role',
  '/policies',
  '/policies/new',
  `/policies/detail?arn=${encodeURIComponent(`arn:aws:iam::${ACCOUNT_ID}:policy/e2e-clean-load-policy`)}`,
  '/simulator',
  '/explorer',
  '/audit',
  '/account',
  '/identity-providers',
];

async function ensureResources() {
  const iam = adminIam();
  await iam
    .send(new GetGroupCommand({ GroupName: 'Administrators' }))
    .catch(() => iam.send(new CreateGroupCommand({ GroupName: 'Administrators' })));
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
  await iam
    .send(new GetRoleCommand({ RoleName: 'e2e-clean-load-role' }))
    .catch(() => iam.send(new CreateRoleCommand({ RoleName: 'e2e-clean-load-role', AssumeRolePolicyDocument: JSON.stringify(trust) })));
  const existing = await iam.send(new ListPoliciesCommand({ Scope: 'Local', MaxItems: 1000 }));
  if (!existing.Policies?.some((p) => p.PolicyName === 'e2e-clean-load-policy')) {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
    await iam.send(new CreatePolicyCommand({ PolicyName: 'e2e-clean-load-policy', PolicyDocument: JSON.stringify(document) }));
  }
}

/** Loads `path` in a fresh tab of the signed-in context; returns every problem seen until the page settled. */
async function loadClean(
  browser: Browser,
  storageState: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>,
  baseURL: string,
  path: string,
) {
  const context = await browser.newContext({ storageState, baseURL, timezoneId: 'Pacific/Auckland', locale: 'de-DE' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // A fetch the page itself cancelled (Next's router dropping a prefetch of a linked page, a server action
    // superseded by a newer one) is a cancellation, not a failure. Every other failed request counts: a document,
    // script, style sheet, font or image that did not load, and any fetch that failed for another reason.
    if (request.failure()?.errorText === 'net::ERR_ABORTED' && request.resourceType() === 'fetch') return;
    problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(path, { waitUntil: 'load' });
  // A page may keep polling (a report being generated); a quiet network is waited for, not required.
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await expect(page.locator('#main-content')).toBeVisible();
  // The app icon is declared, so browsers do not ask for /favicon.ico.
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /icon/);
  // Late work (effects, the simulator's first recompute, streamed sections) has had its chance to fail.
  await page.waitForTimeout(750);
  page.removeAllListeners();
  await context.close();
  return problems;
}

let storageState: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>;

test.beforeAll(async ({ browser, baseURL }) => {
  await ensureResources();
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  storageState = await context.storageState();
  await context.close();
});

for (const path of PAGES) {
  test(`a full load of ${path.split('?')[0]} has no page error, console error or failed request`, async ({ browser, baseURL }) => {
    // Twice: a mismatch that depends on timing (a measured duration, the clock) shows up in one load of two.
    const problems = [
      ...(await loadClean(browser, storageState, baseURL!, path)),
      ...(await loadClean(browser, storageState, baseURL!, path)),
    ];
    expect(problems).toEqual([]);
  });
}

test('the sign-in page loads clean too, with the app icon', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  await page.goto('/sign-in');
  await page.waitForLoadState('networkidle');
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  const response = await page.request.get(icon!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
  expect(problems).toEqual([]);
});
