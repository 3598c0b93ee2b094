// The console's server (`npm start`, Next.js's own HTTP server) bounds its open connections as the standalone server
// does (GATEHOUSE_MAX_CONNECTIONS, lib/service/connection-limit.ts): with the bound held by idle connections that
// never send a request, one more is closed as it is accepted, and once they go the console serves again. Before,
// nothing bounded them but node's header timeout and the file descriptor limit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SHORT_PORT } from './ports';

/** A port of its own: MAIN_PORT and SHORT_PORT are the Playwright config's servers, SHORT_PORT + 1 start-stop.spec.ts's. */
const PORT = SHORT_PORT + 2;
const BOUND = 6;

/** The status of GET /sign-in on a connection of its own (closed after it), or 'refused' / 'closed'. */
const status = () =>
  new Promise<number | 'refused' | 'closed'>((resolve) => {
    const request = http.get(`http://127.0.0.1:${PORT}/sign-in`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'closed'));
  });

/** An idle connection, open once the server's kernel has accepted it. */
const idleConnection = () =>
  new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect(PORT, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });

/** Whether the server closes `socket` within 5 s without a byte sent on it. */
const closedByServer = (socket: net.Socket) =>
  new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 5000);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.resume();
  });

/** The status line of the answer to GET /sign-in sent on `socket`. */
const firstLineOfAnswer = (socket: net.Socket) =>
  new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\r\n')) resolve(text.slice(0, text.indexOf('\r\n')));
    });
    socket.once('close', () => resolve(text));
    socket.write('GET /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
  });

test('the console server closes connections past GATEHOUSE_MAX_CONNECTIONS, and serves again once others close', async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-console-connections-'));
  const start = spawn(process.execPath, ['bin/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      GATEHOUSE_DATA_DIR: dataDir,
      GATEHOUSE_DEMO: '0',
      GATEHOUSE_WARM_UP: '0',
      GATEHOUSE_MAX_CONNECTIONS: String(BOUND),
    },
    stdio: 'ignore',
  });
  const stopped = new Promise((resolve) => start.once('exit', resolve));
  const idle: net.Socket[] = [];
  try {
    await expect.poll(status, { timeout: 60_000, intervals: [500] }).toBe(200);
    // The polls' connections were closed after each answer: give the server a moment to have let them all go.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (let i = 0; i < BOUND; i++) idle.push(await idleConnection());
    expect(await closedByServer(await idleConnection())).toBe(true);
    // The connections within the bound are served.
    expect(await firstLineOfAnswer(idle[0])).toBe('HTTP/1.1 200 OK');
    for (const socket of idle.splice(0)) socket.destroy();
    await expect.poll(status, { timeout: 10_000, intervals: [250] }).toBe(200);
  } finally {
    for (const socket of idle) socket.destroy();
    start.kill('SIGTERM');
    await stopped;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
