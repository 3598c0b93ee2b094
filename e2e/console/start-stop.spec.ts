// `npm start` (bin/start.mjs) stopped with SIGTERM stops the console's server with it: its port closes and its data
// directory is free for another Gatehouse process. Through npx, the next-server under `npm exec` outlived it, still
// serving and holding the data directory. And when what started it goes without passing the signal on (npm runs it
// under `sh -c`, and neither passes a SIGTERM sent to npm alone), it stops the server too.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SHORT_PORT } from './ports';

/** A port of its own: the Playwright config's two servers use MAIN_PORT and SHORT_PORT. */
const PORT = SHORT_PORT + 1;
const URL_ = `http://127.0.0.1:${PORT}/sign-in`;

/**
 * The status of GET /sign-in on a new connection each time, or 'refused': a kept-alive connection would be served
 * by a server that is closing (and, used every 250 ms, keep it from closing).
 */
const status = () =>
  new Promise<number | 'refused'>((resolve) => {
    const request = http.get(URL_, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve('refused'));
  });

/** The console's environment on its own port and data directory. */
const envFor = (dataDir: string) => ({
  ...process.env,
  PORT: String(PORT),
  GATEHOUSE_DATA_DIR: dataDir,
  GATEHOUSE_DEMO: '0',
  GATEHOUSE_WARM_UP: '0',
});

/** True once a standalone server has opened `dataDir` (a holder would make it refuse to start). */
async function dataDirectoryFree(dataDir: string): Promise<boolean> {
  const iam = spawn(process.execPath, ['bin/iam.mjs', '--port', '0', '--data-dir', dataDir], {
    env: envFor(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  return /listening on/.test(output);
}

test('SIGTERM to npm start stops the console server: its port closes and its data directory is free', async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-start-stop-'));
  try {
    const start = spawn(process.execPath, ['bin/start.mjs'], { env: envFor(dataDir), stdio: 'ignore' });
    const stopped = new Promise((resolve) => start.once('exit', resolve));
    await expect.poll(status, { timeout: 60_000, intervals: [500] }).toBe(200);

    start.kill('SIGTERM');
    await stopped;
    await expect.poll(status, { timeout: 10_000, intervals: [200] }).toBe('refused');
    expect(await dataDirectoryFree(dataDir)).toBe(true);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('when the shell that ran npm start dies without passing SIGTERM on, the console server stops too', async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-start-orphan-'));
  try {
    // As npm runs it: under `sh -c`, which stays the parent (the `; true` keeps the shell from exec'ing node), with
    // npm's lifecycle variable set.
    const shell = spawn('sh', ['-c', `${JSON.stringify(process.execPath)} bin/start.mjs; true`], {
      env: { ...envFor(dataDir), npm_lifecycle_event: 'start' },
      stdio: 'ignore',
    });
    await expect.poll(status, { timeout: 60_000, intervals: [500] }).toBe(200);

    const shellGone = new Promise((resolve) => shell.once('exit', resolve));
    shell.kill('SIGTERM');
    // The shell dies of it (it passes nothing on); bin/start.mjs, adopted, notices within a second.
    await shellGone;
    await expect.poll(status, { timeout: 30_000, intervals: [250] }).toBe('refused');
    await expect.poll(() => dataDirectoryFree(dataDir), { timeout: 15_000, intervals: [500] }).toBe(true);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
