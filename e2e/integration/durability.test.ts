// Durability: SIGKILL the standalone server in the middle of a stream of writes, restart it on the same data
// directory, and find every acknowledged write still there.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-kill-'));
const children: ChildProcess[] = [];

/** Starts `bin/iam-server.ts` on a free port and resolves with its endpoint once it listens. */
function startStandalone(): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/iam-server.ts', '--port', '0', '--data-dir', dataDir], {
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
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function client(endpoint: string) {
  return new IAMClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('durability', () => {
  it('loses no acknowledged write when the server is killed with SIGKILL', async () => {
    const first = await startStandalone();
    const iam = client(first.endpoint);
    const acknowledged: string[] = [];
    let stop = false;
    // Four writers stream CreateUser calls until the process dies under them.
    const writer = async (w: number) => {
      for (let i = 0; !stop && i < 5000; i++) {
        const name = `durable-${w}-${i}`;
        try {
          await iam.send(new CreateUserCommand({ UserName: name }));
          acknowledged.push(name);
        } catch {
          return;
        }
      }
    };
    const writers = await Promise.all([0, 1, 2, 3].map(writer));
    while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    iam.destroy();
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);

    const second = await startStandalone();
    const again = client(second.endpoint);
    const missing: string[] = [];
    for (const name of acknowledged) {
      try {
        await again.send(new GetUserCommand({ UserName: name }));
      } catch {
        missing.push(name);
      }
    }
    again.destroy();
    second.child.kill('SIGTERM');
    expect(missing).toEqual([]);
  });
});
