// The standalone server as `npm run iam` runs it (bin/iam.mjs), in its own process, for the suites that kill it:
// start it on a data directory, talk to it with the SDK, wait for it to exit, and clean up after the suite.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { IAM_NODE_ENV, IAM_NODE_FLAGS } from '../../bin/iam.mjs';
import { ADMIN_CREDENTIALS, TEST_ACCOUNT_ID } from './harness';
import { createTestDatabase, dropTestDatabase, onPostgres, sharedSecrets } from '../support/test-store';

const root = path.resolve(import.meta.dirname, '../..');

/** One standalone server process and the endpoint it listens on. */
export interface StandaloneServer {
  child: ChildProcess;
  endpoint: string;
}

/** The processes and data directories of one suite; `cleanUp()` in its afterAll kills and removes them. */
export class StandaloneServers {
  private readonly children: ChildProcess[] = [];
  private readonly dirs: string[] = [];
  /** On a PostgreSQL run: the database of each data directory (made at its first start, dropped by `cleanUp()`). */
  private readonly databases = new Map<string, Promise<string>>();
  /** The secrets of each data directory's database: a restart on the same data directory must bring the same ones. */
  private readonly secrets = new Map<string, Record<string, string>>();

  /** A fresh data directory, removed by `cleanUp()`. */
  dataDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gatehouse-${prefix}-`));
    this.dirs.push(dir);
    return dir;
  }

  /**
   * The PostgreSQL database that stands for `dataDir` on a PostgreSQL run (made once, so a restart on the same data
   * directory finds the same database); undefined on SQLite.
   */
  databaseUrl(dataDir: string): Promise<string | undefined> {
    if (!onPostgres) return Promise.resolve(undefined);
    let url = this.databases.get(dataDir);
    if (!url) {
      url = createTestDatabase(path.basename(dataDir).toLowerCase());
      this.databases.set(dataDir, url);
    }
    return url;
  }

  private secretsOf(dataDir: string): Record<string, string> {
    let secrets = this.secrets.get(dataDir);
    if (!secrets) {
      secrets = sharedSecrets();
      this.secrets.set(dataDir, secrets);
    }
    return secrets;
  }

  /**
   * Starts a server on a free port over `dataDir` (and, on a PostgreSQL run, its database) and resolves once it
   * listens (rejects if it exits first). `env` adds to the defaults.
   */
  async start(dataDir: string, env: Record<string, string> = {}): Promise<StandaloneServer> {
    const databaseUrl = await this.databaseUrl(dataDir);
    const child = spawn(process.execPath, [...IAM_NODE_FLAGS, 'bin/iam.mjs', '--port', '0', '--data-dir', dataDir], {
      cwd: root,
      env: {
        ...IAM_NODE_ENV,
        ...process.env,
        GATEHOUSE_ADMIN_ACCESS_KEY_ID: ADMIN_CREDENTIALS.accessKeyId,
        GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: ADMIN_CREDENTIALS.secretAccessKey,
        GATEHOUSE_ACCOUNT_ID: TEST_ACCOUNT_ID,
        GATEHOUSE_DEMO: '0',
        ...(databaseUrl ? { GATEHOUSE_DATABASE_URL: databaseUrl, ...this.secretsOf(dataDir) } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.push(child);
    return new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60000);
      child.stdout!.on('data', (chunk) => {
        output += chunk;
        const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve({ child, endpoint: match[1] });
        }
      });
      child.stderr!.on('data', (chunk) => (output += chunk));
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before listening: ${output}`));
      });
    });
  }

  /** Kills what is still running and removes the data directories (and their databases). */
  async cleanUp(): Promise<void> {
    for (const child of this.children) child.kill('SIGKILL');
    await Promise.all(this.children.map(exited));
    for (const dir of this.dirs) fs.rmSync(dir, { recursive: true, force: true });
    for (const url of this.databases.values()) await dropTestDatabase(await url);
  }
}

/** An IAM client of the test account's administrator, without retries (a dead server must fail the call). */
export function adminClient(endpoint: string): IAMClient {
  return new IAMClient({ endpoint, region: 'us-east-1', credentials: ADMIN_CREDENTIALS, maxAttempts: 1 });
}

/** Resolves once the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}
