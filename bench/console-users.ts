// Users-page benchmark (a script, not a test): seeds 5,000 users (the admin and 4,999 more) in 20 paths, 300 groups
// and 1,000 roles (the account's quotas, bootstrap's own included) through
// the SDK into a fresh built console, signs in with Chromium and measures, with the page's performance marks:
// time to an interactive users page (navigation start → table painted with its rows), expanding a tree node
// (click → children painted) and filtering by name (keystroke → filtered rows painted).
// Targets on this machine: < 1 s, < 100 ms, < 50 ms. Needs `npx next build`; starts `next start` on --port.
// Run: npx tsx bench/console-users.ts [--port 3115] [--users 5000] [--runs 5]
import { parseArgs } from 'node:util';
import {
  CreateGroupCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  paginateListGroups,
  paginateListRoles,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { chromium, type Page } from '@playwright/test';
import { startBuiltConsole } from './lib/built-console';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3115' },
    users: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
  },
});
const PORT = Number(values.port);
const USERS = Number(values.users);
const RUNS = Number(values.runs);
const BASE = `http://localhost:${PORT}`;
const KEYS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** 20 paths, two levels deep under four departments: /bench/dept-0/team-00/ … */
const PATHS = Array.from({ length: 20 }, (_, i) => `/bench/dept-${i % 4}/team-${String(i).padStart(2, '0')}/`);

/** Runs `task(i)` for i in [0, count) with `concurrency` in flight. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function countAll<P>(pages: AsyncIterable<P>, items: (page: P) => unknown[] | undefined): Promise<number> {
  let n = 0;
  for await (const page of pages) n += items(page)?.length ?? 0;
  return n;
}

async function collectUsers(iam: IAMClient) {
  const users: unknown[] = [];
  for await (const page of paginateListUsers({ client: iam, pageSize: 1000 }, {})) users.push(...(page.Users ?? []));
  return users;
}

async function seed(iam: IAMClient) {
  const started = Date.now();
  // The account quota is 5,000 users and the admin user is one of them: seed up to USERS in all.
  const existing = (await collectUsers(iam)).length;
  await pool(USERS - existing, 16, (i) =>
    iam.send(new CreateUserCommand({ UserName: `bench-user-${String(i).padStart(5, '0')}`, Path: PATHS[i % PATHS.length] })),
  );
  const groups = await countAll(paginateListGroups({ client: iam, pageSize: 1000 }, {}), (p) => p.Groups);
  await pool(300 - groups, 16, (i) => iam.send(new CreateGroupCommand({ GroupName: `bench-group-${i}`, Path: `/bench/dept-${i % 4}/` })));
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
  const roles = await countAll(paginateListRoles({ client: iam, pageSize: 1000 }, {}), (p) => p.Roles);
  await pool(1000 - roles, 16, (i) =>
    iam.send(new CreateRoleCommand({ RoleName: `bench-role-${i}`, Path: `/bench/dept-${i % 4}/`, AssumeRolePolicyDocument: trust })),
  );
  return Date.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => ({
  median: Math.round(median(xs) * 10) / 10,
  min: Math.round(Math.min(...xs) * 10) / 10,
  max: Math.round(Math.max(...xs) * 10) / 10,
  runs: xs.length,
});

/** Loads /users and returns the time from navigation start to the `gh:users-interactive` mark. */
async function timeToInteractive(page: Page): Promise<number> {
  await page.goto(`${BASE}/users`);
  await page.waitForFunction(() => performance.getEntriesByName('gh:users-interactive').length > 0, undefined, { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName('gh:users-interactive')[0]!.startTime);
}

/** Clicks a tree node's expand button and measures until its children are painted (next frame after they exist). */
async function expandOnce(page: Page, nodePath: string): Promise<number> {
  return page.evaluate(async (p) => {
    const item = document.querySelector(`[role="treeitem"][data-path="${p}"]`)!;
    const button = item.querySelector('button')!;
    if (item.getAttribute('aria-expanded') === 'true') {
      button.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    const start = performance.now();
    performance.mark('bench:expand-start');
    button.click();
    await new Promise<void>((resolve) => {
      const check = () =>
        item.getAttribute('aria-expanded') === 'true' &&
        document.querySelector(`[role="treeitem"][data-path^="${p}"]:not([data-path="${p}"])`)
          ? resolve()
          : requestAnimationFrame(check);
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    performance.measure('bench:expand', 'bench:expand-start');
    return performance.now() - start;
  }, nodePath);
}

/** Types a query into the search box (as React sees typing) and measures until the filtered rows are painted. */
async function filterOnce(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#user-search')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const footer = () =>
      document.querySelector('[role="table"][aria-label="Users"] + p, [role="table"][aria-label="Users"] > p')?.textContent ?? '';
    const before = footer();
    const start = performance.now();
    performance.mark('bench:filter-start');
    setter.call(input, q);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const deadline = start + 5_000;
    await new Promise<void>((resolve) => {
      const check = () => (footer() !== before || performance.now() > deadline ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    performance.measure('bench:filter', 'bench:filter-start');
    return performance.now() - start;
  }, query);
}

async function main() {
  // The built console's keys are the benchmark's (test/test), and no demo data: the seed is all there is.
  const server = await startBuiltConsole({ port: PORT, accountId: '123456789012', env: { GATEHOUSE_DEMO: '0' } });
  process.on('SIGINT', () => (server.stop(), process.exit(130)));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] }).catch((error) => {
    server.stop();
    throw error;
  });
  try {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${PORT}/aws`, credentials: KEYS });
    const seedMs = await seed(iam);
    console.error(`seeded to ${(await collectUsers(iam)).length} users, 300 groups, 1000 roles in ${(seedMs / 1000).toFixed(1)} s`);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx (esbuild keepNames) wraps named functions in __name(); the functions evaluated in the page need it too.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${BASE}/sign-in`);
    await page.getByText('Access keys', { exact: true }).click();
    await page.getByLabel('Access key ID').fill(KEYS.accessKeyId);
    await page.getByLabel('Secret access key').fill(KEYS.secretAccessKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${BASE}/`);

    const interactive: number[] = [];
    await timeToInteractive(page); // the first load also warms the server's caches
    for (let i = 0; i < RUNS; i++) interactive.push(await timeToInteractive(page));
    const rows = await page.locator('[role="row"][data-user]').count();

    const expand: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      expand.push(await expandOnce(page, '/bench/'));
      expand.push(await expandOnce(page, `/bench/dept-${i % 4}/`));
    }

    const filter: number[] = [];
    const queries = ['bench-user-0', 'bench-user-01', 'bench-user-012', 'user-4', '99', 'bench', 'zzz', ''];
    for (let i = 0; i < RUNS; i++) {
      for (const q of queries) {
        filter.push(await filterOnce(page, q));
        // Let the debounced URL update (250 ms) land between keystrokes, as it does for a person typing.
        await page.waitForTimeout(350);
      }
    }

    const result = {
      users: USERS,
      rowsRendered: rows,
      timeToInteractiveMs: { ...fmt(interactive), target: 1000 },
      treeExpandMs: { ...fmt(expand), target: 100 },
      filterMs: { ...fmt(filter), target: 50 },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
