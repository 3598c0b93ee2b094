// `npm start`: builds the console when no build exists (or GATEHOUSE_REBUILD=1), then serves console + /aws.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { IAM_NODE_ENV } from './iam.mjs';
import { requireNativeDriver } from './native-driver.mjs';

requireNativeDriver();

const port = process.env.PORT ?? '3000';
// Next's own CLI run by this node, not through npx: a signal sent to this process then reaches the server itself.
// Through npx, SIGTERM stopped `npm exec` and left the next-server under it running, still serving and holding
// the data directory.
const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
if (!fs.existsSync('.next/BUILD_ID') || process.env.GATEHOUSE_REBUILD === '1') {
  const build = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The console's server holds the embedded IAM service: the same malloc setting as the standalone one (bin/iam.mjs).
const server = spawn(process.execPath, [next, 'start', '-p', port], { stdio: 'inherit', env: { ...IAM_NODE_ENV, ...process.env } });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
// `npm start` runs this file under `sh -c`, and a SIGTERM sent to npm alone ends npm and that shell without reaching
// this process, which the system then adopts: run by npm, a parent that changed means whoever started Gatehouse has
// stopped it. (Run directly, say under nohup, it may outlive its shell on purpose.)
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) server.kill('SIGTERM');
  }, 1000).unref();
}
