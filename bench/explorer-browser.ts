// Explorer benchmark in Chromium (a script, not a test): builds bench/explorer-account.ts's large account (5,000
// users, 300 groups, 1,000 roles, 1,500 customer managed policies, less what bootstrap already made, up to the
// quotas) through the SDK in a fresh built console, signs in, opens /explorer and reads the page's own performance
// measures: `explorer:load` (navigation start → account read and compiled), `explorer:compile`,
// `explorer:escalation` (every path to admin, with its progress bar), `explorer:who-can` (one action, asked
// through the question form once the page is idle), `explorer:graph-build` / `explorer:graph-layout` (dagre),
// then the time from opening the Account graph tab (or changing its filter) until its nodes are in the DOM, and
// the frame times while the graph is panned and zoomed, with the default filter and with every principal (the
// 500-node limit). Prints JSON.
// Targets (issue 12): who-can < 1 s; escalation < 5 s with progress shown; graph interactive at 500 nodes.
// Needs `npx next build`; starts `next start` on --port with a fresh data dir.
// Run: npx tsx bench/explorer-browser.ts [--port 3700] [--actions iam:CreateAccessKey,s3:GetObject,iam:PassRole]
import { parseArgs } from 'node:util';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  paginateListGroups,
  paginateListPolicies,
  paginateListRoles,
  paginateListUsers,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { chromium, type Page } from '@playwright/test';
import { largeAccount } from './explorer-account';
import { startBuiltConsole } from './lib/built-console';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3700' },
    actions: { type: 'string', default: 'iam:CreateAccessKey,s3:GetObject,iam:PassRole' },
  },
});
const PORT = Number(values.port);
const BASE = `http://localhost:${PORT}`;
const ACTIONS = values.actions!.split(',').filter(Boolean);
const snapshot = largeAccount();
const ACCOUNT = snapshot.accountId;

/** Runs `task(item)` for every item with `concurrency` in flight. */
async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
  console.error(`seeding: ${items.length} calls in ${Date.now() - started} ms`);
}

async function count<P>(pages: AsyncIterable<P>, items: (page: P) => unknown[] | undefined): Promise<number> {
  let n = 0;
  for await (const page of pages) n += items(page)?.length ?? 0;
  return n;
}

/** Creates the account through the API; returns how many of each were created and the seconds it took. */
async function seed(iam: IAMClient) {
  const started = Date.now();
  const C = 16;
  const existing = {
    users: await count(paginateListUsers({ client: iam, pageSize: 1000 }, {}), (p) => p.Users),
    groups: await count(paginateListGroups({ client: iam, pageSize: 1000 }, {}), (p) => p.Groups),
    roles: await count(paginateListRoles({ client: iam, pageSize: 1000 }, {}), (p) => p.Roles),
    policies: await count(paginateListPolicies({ client: iam, pageSize: 1000 }, { Scope: 'Local' }), (p) => p.Policies),
  };
  // Up to the quotas (5,000 users, 300 groups, 1,000 roles, 1,500 policies), counting what bootstrap made.
  const policies = snapshot.policies.filter((p) => !p.arn.startsWith('arn:aws:iam::aws:')).slice(0, 1500 - existing.policies);
  const created = new Set(policies.map((p) => p.arn));
  const managed = (list: { arn: string }[]) => list.filter((p) => p.arn.startsWith('arn:aws:iam::aws:') || created.has(p.arn));
  await pool(policies, C, (p) => iam.send(new CreatePolicyCommand({ PolicyName: p.name, Path: p.path, PolicyDocument: p.document })));
  const groups = snapshot.groups.slice(0, 300 - existing.groups);
  const groupNames = new Set(groups.map((g) => g.name));
  await pool(groups, C, (g) => iam.send(new CreateGroupCommand({ GroupName: g.name, Path: g.path })));
  await pool(
    groups.flatMap((g) => managed(g.attached).map((p) => ({ g, p }))),
    C,
    ({ g, p }) => iam.send(new AttachGroupPolicyCommand({ GroupName: g.name, PolicyArn: p.arn })),
  );
  const users = snapshot.users.slice(0, 5000 - existing.users);
  await pool(users, C, (u) =>
    iam.send(
      new CreateUserCommand({ UserName: u.name, Path: u.path, Tags: Object.entries(u.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) }),
    ),
  );
  const memberships = users.flatMap((u) => u.groups.filter((g) => groupNames.has(g)).map((g) => ({ u: u.name, g })));
  await pool(memberships, C, ({ u, g }) => iam.send(new AddUserToGroupCommand({ UserName: u, GroupName: g })));
  await pool(
    users.flatMap((u) => u.inline.map((p) => ({ u, p }))),
    C,
    ({ u, p }) => iam.send(new PutUserPolicyCommand({ UserName: u.name, PolicyName: p.name, PolicyDocument: p.document })),
  );
  await pool(
    users.flatMap((u) => managed(u.attached).map((p) => ({ u, p }))),
    C,
    ({ u, p }) => iam.send(new AttachUserPolicyCommand({ UserName: u.name, PolicyArn: p.arn })),
  );
  const userArns = new Set(users.map((u) => u.arn));
  const roles = snapshot.roles.slice(0, 1000 - existing.roles);
  // Roles trusting another role second (the trusted role must exist); trust in a user who was not created: skipped.
  const trustsRole = (r: (typeof roles)[number]) => r.trustPolicy.includes(':role/');
  const trustable = roles.filter((r) => !/:user\//.test(r.trustPolicy) || [...userArns].some((a) => r.trustPolicy.includes(`"${a}"`)));
  const createRole = (r: (typeof roles)[number]) =>
    iam.send(
      new CreateRoleCommand({
        RoleName: r.name,
        Path: r.path,
        AssumeRolePolicyDocument: r.trustPolicy,
        Tags: Object.entries(r.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  await pool(
    trustable.filter((r) => !trustsRole(r)),
    C,
    createRole,
  );
  const roleNames = new Set(trustable.filter((r) => !trustsRole(r)).map((r) => r.name));
  // The generator names the trusted role with the trusting role's neighbour path, where no such role is (AWS
  // rejects a trust policy naming a role that does not exist): trust the named role at its real ARN.
  const roleArn = new Map(roles.map((r) => [r.name, r.arn]));
  const second = trustable
    .filter((r) => trustsRole(r))
    .map((r) => {
      const named = /"(arn:aws:iam::\d+:role\/(?:[^"]*\/)?([^/"]+))"/.exec(r.trustPolicy);
      return named && roleNames.has(named[2]!)
        ? { ...r, trustPolicy: r.trustPolicy.replace(named[1]!, roleArn.get(named[2]!)!) }
        : undefined;
    })
    .filter((r) => r !== undefined);
  await pool(second, C, createRole);
  const made = [...trustable.filter((r) => !trustsRole(r)), ...second];
  await pool(
    made.flatMap((r) => r.inline.map((p) => ({ r, p }))),
    C,
    ({ r, p }) => iam.send(new PutRolePolicyCommand({ RoleName: r.name, PolicyName: p.name, PolicyDocument: p.document })),
  );
  await pool(
    made.flatMap((r) => managed(r.attached).map((p) => ({ r, p }))),
    C,
    ({ r, p }) => iam.send(new AttachRolePolicyCommand({ RoleName: r.name, PolicyArn: p.arn })),
  );
  return {
    existing,
    created: { users: users.length, groups: groups.length, roles: made.length, policies: policies.length, memberships: memberships.length },
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n));

/** Waits for a performance measure named `name` (the latest one) and returns its duration. */
async function measure(page: Page, name: string, timeout = 120_000): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'measure').length > 0, name, { timeout, polling: 50 });
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)!.duration, name);
}

/** Pans and zooms the graph with the mouse and returns the frame times (ms between animation frames). */
async function interact(page: Page) {
  const box = (await page.getByTestId('account-graph').boundingBox())!;
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const step = () => { const now = performance.now(); window.__frames.push(now - last); last = now; if (!window.__stop) requestAnimationFrame(step); };
    window.__stop = false;
    requestAnimationFrame(step);
  })()`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 30; i++) await page.mouse.move(cx + 10 * Math.sin(i / 3) * 10, cy + i * 4, { steps: 1 });
  await page.mouse.up();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -200 : 200);
  await page.waitForTimeout(300);
  const frames = (await page.evaluate(`(() => { window.__stop = true; return window.__frames.slice(1); })()`)) as number[];
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    medianFrameMs: Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(1)),
    p95FrameMs: Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!.toFixed(1)),
    maxFrameMs: Number(sorted.at(-1)!.toFixed(1)),
    framesOver50Ms: frames.filter((f) => f > 50).length,
  };
}

/** Time until the graph's nodes are in the DOM (measured in the page from `since`), and how many are drawn. */
async function graphPainted(page: Page, since: number) {
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0, undefined, {
    timeout: 120_000,
    polling: 'raf',
  });
  const at = await page.evaluate(() => performance.now());
  return {
    paintedAfterMs: Math.round(at - since),
    summary: await page.getByTestId('account-graph-summary').textContent(),
    nodesInDom: await page.locator('.react-flow__node').count(),
  };
}

async function main() {
  const server = await startBuiltConsole({ port: PORT, accountId: ACCOUNT });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const iam = new IAMClient({
      endpoint: `${BASE}/aws`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 5,
    });
    const seeded = await seed(iam);
    console.error(`seeded in ${seeded.seconds} s`, JSON.stringify(seeded.created));

    const page = await browser.newPage({ baseURL: BASE, viewport: { width: 1400, height: 1000 } });
    await page.goto('/sign-in');
    await page.getByText('Access keys', { exact: true }).click();
    await page.getByLabel('Access key ID').fill('test');
    await page.getByLabel('Secret access key').fill('test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'IAM dashboard' }).waitFor();

    await page.goto('/explorer');
    const load = await measure(page, 'explorer:load');
    const compile = await measure(page, 'explorer:compile');
    const summary = await page.getByTestId('snapshot-summary').textContent();
    // The escalation analysis starts once the account is compiled; its progress bar shows meanwhile.
    const progressShown = await page
      .getByRole('progressbar', { name: 'Looking for paths to admin' })
      .isVisible()
      .catch(() => false);
    const escalation = await measure(page, 'explorer:escalation');
    console.error('load, compile, escalation (ms):', Math.round(load), Math.round(compile), Math.round(escalation));
    // The whole-account graph is a tab of the admin-paths section: time from the click to its nodes in the DOM.
    const tabAt = await page.evaluate(() => performance.now());
    await page.getByRole('tab', { name: 'Account graph' }).click();
    const graphDefault = await graphPainted(page, tabAt);
    const layoutDefault = await measure(page, 'explorer:graph-layout');
    const buildDefault = await measure(page, 'explorer:graph-build');
    const adminSummary = (await page.locator('section[aria-labelledby="admin-paths-heading"] [role="tab"]').allInnerTexts()).join(', ');
    const interactDefault = await interact(page);

    // Every principal (not only those on escalation edges): the graph's 500-node limit.
    await page.evaluate(() => performance.clearMeasures('explorer:graph-layout'));
    const clickAt = await page.evaluate(() => performance.now());
    await page.getByLabel('Only principals on escalation edges').uncheck();
    const layoutAll = await measure(page, 'explorer:graph-layout');
    const buildAll = await measure(page, 'explorer:graph-build');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="account-graph-summary"]')?.textContent?.includes('first 500'),
      undefined,
      {
        timeout: 60_000,
      },
    );
    const graphAll = await graphPainted(page, clickAt);
    const interactAll = await interact(page);

    const whoCan: { action: string; ms: number; summary: string }[] = [];
    for (const action of ACTIONS) {
      await page.evaluate(() => performance.clearMeasures('explorer:who-can'));
      await page.getByLabel('Action', { exact: true }).fill(action);
      await page.getByRole('button', { name: 'Ask who can' }).click();
      const ms = await measure(page, 'explorer:who-can');
      await page.waitForTimeout(200);
      const tabs = await page.locator('section[aria-labelledby="who-can-heading"] [role="tab"]').allInnerTexts();
      whoCan.push({ action, ms: Math.round(ms), summary: tabs.join(', ') });
    }

    const result = {
      benchmark: 'explorer in Chromium on a large account (issue 12)',
      seeded,
      account: summary,
      load: { navigationToCompiledMs: round(load), compileMs: round(compile) },
      escalation: { ms: round(escalation), targetMs: 5000, meetsTarget: escalation < 5000, progressBarSeen: progressShown, adminSummary },
      whoCan: { runs: whoCan, targetMs: 1000, meetsTarget: whoCan.every((r) => r.ms < 1000) },
      graph: {
        defaultFilter: { ...graphDefault, buildMs: round(buildDefault), layoutMs: round(layoutDefault), interaction: interactDefault },
        everyPrincipal: {
          ...graphAll,
          buildMs: round(buildAll),
          layoutMs: round(layoutAll),
          interaction: interactAll,
        },
      },
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
