// Simulator benchmark (a script, not a test): in Chromium, the console's simulator recomputes a 1,000-action ×
// 10-resource matrix over 20 policies after each edit of a policy; prints the recompute times the page
// measures (compile of the edited policy + the matrix + the unedited baseline matrix + the diff), and the frame
// times while the (virtualised) matrix scrolls from top to bottom, as JSON.
// Needs a built console (`npx next build`); starts `next start` on --port (default 3131) with a fresh data dir.
// Run: npx tsx bench/simulator-browser.ts [--port 3131] [--actions 1000] [--edits 15] [--screenshot /tmp/simulator.png]
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { encodeState } from '../lib/simulator/url-state';
import { emptyState, type SimulationState } from '../lib/simulator/types';
import { startBuiltConsole } from './lib/built-console';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3131' },
    actions: { type: 'string', default: '1000' },
    edits: { type: 'string', default: '15' },
    screenshot: { type: 'string' },
  },
});
const PORT = Number(values.port);
const EDITS = Number(values.edits);
const ACTIONS = Math.min(1000, Number(values.actions));
const ACCOUNT = '123456789012';

const SERVICES = ['s3', 'ec2', 'iam', 'dynamodb', 'sqs', 'sns', 'lambda', 'kms', 'logs', 'cloudwatch'];
const VERBS = ['Get', 'List', 'Describe', 'Put', 'Create', 'Delete', 'Update', 'Tag', 'Untag', 'Batch'];

const NOUNS = ['Thing', 'Item', 'Record', 'Entry', 'Object', 'Resource', 'Config', 'Policy', 'Target', 'Report'];

/** Up to 1,000 concrete action names: 10 services × 10 verbs × 10 nouns (the policies' `*Thing` patterns match a tenth). */
function actions(count: number): string[] {
  return SERVICES.flatMap((service) => VERBS.flatMap((verb) => NOUNS.map((noun) => `${service}:${verb}${noun}`))).slice(0, count);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

function resources(): string[] {
  return Array.from({ length: 10 }, (_, i) => `arn:aws:s3:::bucket-${i}/reports/file-${i}.csv`);
}

/** Policy number n: 10 statements with wildcards, resources and conditions (some Deny). */
function policy(n: number): string {
  const statements = Array.from({ length: 10 }, (_, i) => ({
    Sid: `P${n}S${i}`,
    Effect: (n + i) % 7 === 0 ? 'Deny' : 'Allow',
    Action: [`${SERVICES[(n + i) % SERVICES.length]}:${VERBS[i % VERBS.length]}*`, `${SERVICES[(n * 3 + i) % SERVICES.length]}:*Thing`],
    Resource: [`arn:aws:s3:::bucket-${(n + i) % 10}/*`, i % 3 === 0 ? '*' : `arn:aws:s3:::bucket-${i}/reports/*`],
    ...(i % 2 === 0
      ? {
          Condition: {
            StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] },
            IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] },
          },
        }
      : {}),
  }));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

async function main() {
  const server = await startBuiltConsole({ port: PORT, accountId: ACCOUNT });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ baseURL: `http://localhost:${PORT}` });
    await page.goto('/sign-in');
    await page.getByText('Access keys', { exact: true }).click();
    await page.getByLabel('Access key ID').fill('test');
    await page.getByLabel('Secret access key').fill('test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'IAM dashboard' }).waitFor();

    const state: SimulationState = {
      ...emptyState(),
      mode: 'custom',
      policies: Array.from({ length: 20 }, (_, n) => ({
        id: `policy-${n}`,
        kind: 'identity' as const,
        label: `Policy ${n}`,
        text: policy(n),
      })),
      actions: actions(ACTIONS),
      resources: resources(),
      callerArn: `arn:aws:iam::${ACCOUNT}:user/bench`,
      principalTags: { team: 'red' },
      context: { 'aws:SourceIp': ['10.1.2.3'] },
    };
    await page.goto(`/simulator?s=${await encodeState(state)}`);
    const cellCount = ACTIONS * 10;
    await page.getByText(`(${cellCount} cells)`).waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="matrix-cell"]').first().waitFor();
    const editor = page.locator('[data-testid="active-policy"] .cm-content');
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const before = await page.getByTestId('recompute-ms').textContent();
      // An edit that changes decisions: policy 0's first statement flips between Allow and Deny.
      const text = policy(0).replace('"Effect": "Allow"', i % 2 === 0 ? '"Effect": "Deny"' : '"Effect": "Allow"');
      await editor.fill(text + ' '.repeat(i));
      await page.waitForFunction((previous) => document.querySelector('[data-testid="recompute-ms"]')?.textContent !== previous, before);
      await page.waitForTimeout(150);
      times.push(Number(await page.getByTestId('recompute-ms').textContent()));
    }
    // Scrolling: the matrix's scroller moves a step per animation frame from top to bottom; the page records the
    // time between frames (16.7 ms is 60 frames per second) and how many cell buttons the DOM holds meanwhile.
    // (A string, not a function: tsx would wrap named functions in a helper the page does not have.)
    const scroll = (await page.evaluate(`new Promise((resolve) => {
      const scroller = document.querySelector('[data-testid="decision-matrix-scroller"]');
      scroller.scrollTop = 0;
      const frames = [];
      let maxCells = 0;
      let last = performance.now();
      const step = () => {
        const now = performance.now();
        frames.push(now - last);
        last = now;
        maxCells = Math.max(maxCells, document.querySelectorAll('[data-testid="matrix-cell"]').length);
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
          resolve({ frames: frames.slice(1), maxCells, scrollHeight: scroller.scrollHeight });
          return;
        }
        scroller.scrollTop += 90;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    })`)) as { frames: number[]; maxCells: number; scrollHeight: number };
    if (values.screenshot) {
      await page.locator('[data-testid="matrix-cell"]').first().click();
      await page.screenshot({ path: values.screenshot, fullPage: true });
    }
    const result = {
      benchmark: 'simulator-browser recompute after an edit, and scrolling the matrix',
      actions: ACTIONS,
      resources: 10,
      cells: cellCount,
      policies: 20,
      statementsPerPolicy: 10,
      edits: EDITS,
      recompute: { medianMs: median(times), maxMs: Math.max(...times), timesMs: times, targetMs: 50, meetsTarget: median(times) <= 50 },
      scroll: {
        frames: scroll.frames.length,
        medianFrameMs: Number(median(scroll.frames).toFixed(1)),
        p95FrameMs: Number(percentile(scroll.frames, 0.95).toFixed(1)),
        maxFrameMs: Number(Math.max(...scroll.frames).toFixed(1)),
        framesOver50Ms: scroll.frames.filter((f) => f > 50).length,
        cellButtonsInDomAtMost: scroll.maxCells,
        scrollHeightPx: scroll.scrollHeight,
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
