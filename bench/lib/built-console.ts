// The built console (`next start`) on a fresh data directory, for the browser benchmarks: started in its own process
// group and ended with it, the data directory removed afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './wait-for';

export interface BuiltConsole {
  baseUrl: string;
  dataDir: string;
  /** Ends the server's process group (and nothing else) and removes the data directory. */
  stop(): void;
}

/** Starts `next start -p port` with the account and admin keys given, and waits until the sign-in page answers. */
export async function startBuiltConsole(options: { port: number; accountId: string; env?: Record<string, string> }): Promise<BuiltConsole> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-browser-bench-'));
  const server = spawn('npx', ['next', 'start', '-p', String(options.port)], {
    cwd: path.join(import.meta.dirname, '..', '..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(options.port),
      GATEHOUSE_DATA_DIR: dataDir,
      GATEHOUSE_ACCOUNT_ID: options.accountId,
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://localhost:${options.port}`;
  try {
    await waitFor(`${baseUrl}/sign-in`, 120_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseUrl, dataDir, stop };
}
