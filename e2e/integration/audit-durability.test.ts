// What the audit trail promises across a crash, checked on the standalone server (as `npm run iam` runs it):
// events are written behind the answers, in one transaction per batch at most ~50 ms (AuditWriter's flush
// interval) after the request; SIGTERM/SIGINT flush what is buffered before exiting, so they lose nothing; a
// SIGKILL loses at most the events of the requests answered in the last flush interval before it, so once the
// server has been quiet for longer than that, a SIGKILL loses none.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { IAM_NODE_FLAGS } from '../../bin/iam.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function startStandalone(dataDir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, [...IAM_NODE_FLAGS, 'bin/iam.mjs', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: {
      ...process.env,
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
      GATEHOUSE_ACCOUNT_ID: '123456789012',
      GATEHOUSE_DEMO: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
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
  });
}

/** Sends reads and writes from four callers; returns the request ids of the answered calls. */
async function traffic(endpoint: string, prefix: string): Promise<string[]> {
  const iam = new IAMClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const ids: string[] = [];
  await Promise.all(
    [0, 1, 2, 3].map(async (w) => {
      for (let i = 0; i < 40; i++) {
        const created = await iam.send(new CreateUserCommand({ UserName: `${prefix}-${w}-${i}` }));
        const read = await iam.send(new GetUserCommand({ UserName: `${prefix}-${w}-${i}` }));
        ids.push(created.$metadata.requestId!, read.$metadata.requestId!);
      }
    }),
  );
  iam.destroy();
  return ids;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** The request ids recorded in the data directory's audit trail (read after the server is gone). */
function recordedRequestIds(dataDir: string): Set<string> {
  const db = new Database(path.join(dataDir, 'gatehouse.db'), { readonly: true });
  try {
    return new Set(
      db
        .prepare<[], { id: string }>("SELECT json_extract(event, '$.requestID') AS id FROM audit_events")
        .all()
        .map((r) => r.id),
    );
  } finally {
    db.close();
  }
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('audit trail across a crash', () => {
  it('SIGTERM right after the last answer: every event is written', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-audit-term-'));
    dirs.push(dataDir);
    const server = await startStandalone(dataDir);
    const ids = await traffic(server.endpoint, 'term');
    server.child.kill('SIGTERM');
    await exited(server.child);
    const recorded = recordedRequestIds(dataDir);
    expect(ids.filter((id) => !recorded.has(id))).toEqual([]);
  });

  it('SIGKILL after a quiet second (well past the flush interval): every event is written', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-audit-kill-'));
    dirs.push(dataDir);
    const server = await startStandalone(dataDir);
    const ids = await traffic(server.endpoint, 'kill');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    server.child.kill('SIGKILL');
    await exited(server.child);
    const recorded = recordedRequestIds(dataDir);
    expect(ids.length).toBe(320);
    expect(ids.filter((id) => !recorded.has(id))).toEqual([]);
  });
});
