// `npm start` (bin/start.mjs) stopped with SIGTERM stops the console's server with it: its port closes and its data
// directory is free for another Gatehouse process. Through npx, the next-server under `npm exec` outlived it, still
// serving and holding the data directory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SHORT_PORT } from './ports';

/** A port of its own: the Playwright config's two servers use MAIN_PORT and SHORT_PORT. */
const PORT = SHORT_PORT + 1;
const URL_ = `http://127.0.0.1:${PORT}/sign-in`;

const status = () =>
  fetch(URL_).then(
    (response) => response.status,
    () => 'refused',
  );

test('SIGTERM to npm start stops the console server: its port closes and its data directory is free', async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-start-stop-'));
  try {
    const env = { ...process.env, PORT: String(PORT), GATEHOUSE_DATA_DIR: dataDir, GATEHOUSE_DEMO: '0', GATEHOUSE_WARM_UP: '0' };
    const start = spawn(process.execPath, ['bin/start.mjs'], { env, stdio: 'ignore' });
    const stopped = new Promise((resolve) => start.once('exit', resolve));
    await expect.poll(status, { timeout: 60_000, intervals: [500] }).toBe(200);

    start.kill('SIGTERM');
    await stopped;
    await expect.poll(status, { timeout: 10_000, intervals: [200] }).toBe('refused');

    // Free: a standalone server opens the same data directory (a holder would make it refuse to start).
    const iam = spawn(process.execPath, ['bin/iam.mjs', '--port', '0', '--data-dir', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = await new Promise<string>((resolve) => {
      let text = '';
      const add = (chunk: Buffer) => {
        text += chunk;
        if (/listening on/.test(text)) resolve(text);
      };
      iam.stdout!.on('data', add);
      iam.stderr!.on('data', add);
      iam.once('exit', () => resolve(text));
    });
    iam.kill('SIGTERM');
    expect(output).toMatch(/listening on/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
