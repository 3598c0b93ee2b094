// Removes the data directories the Playwright run created (see playwright.config.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function globalTeardown() {
  const dir = process.env.GH_E2E_DATA_DIR;
  if (dir && path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith('gh-h5-')) fs.rmSync(dir, { recursive: true, force: true });
}
