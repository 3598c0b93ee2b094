// Bodies held before authentication are bounded, through raw sockets against a running server: stalled uploads
// take at most GATEHOUSE_MAX_BUFFERED_BODY_BYTES between them (one more is answered 503 ServiceUnavailable at once,
// requests already accepted still complete), and GATEHOUSE_REQUEST_TIMEOUT_SECONDS ends a stalled one (408).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetUserCommand } from '@aws-sdk/client-iam';
import { startServer, type TestServer } from './harness';

const BODY = 64 * 1024;

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    env: { GATEHOUSE_MAX_BUFFERED_BODY_BYTES: String(3 * BODY), GATEHOUSE_REQUEST_TIMEOUT_SECONDS: '2' },
  });
});
afterAll(async () => server.stop());

interface Upload {
  socket: net.Socket;
  /** Everything the server sent, once it closed the connection or answered. */
  answer: Promise<string>;
}

/** Opens a connection that declares a BODY-byte body and sends `sent` bytes of it. */
async function upload(sent: number): Promise<Upload> {
  const { port } = new URL(server.endpoint);
  const socket = net.connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (/\r\n\r\n[\s\S]*<\/ErrorResponse>|content-length: 0\r\n\r\n/i.test(received)) resolve(received);
    });
    socket.on('error', () => resolve(received));
    socket.on('close', () => resolve(received));
  });
  socket.write(`POST / HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: ${BODY}\r\n\r\n`);
  socket.write(Buffer.alloc(sent, 'a'));
  return { socket, answer };
}

/** A pause for the server to read what was sent (or see a connection close): a stall has no reply to wait on. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('bodies not yet handled', () => {
  it('are bounded across connections: one more is answered 503 at once, the accepted ones still complete', async () => {
    const stalled = [await upload(BODY - 1), await upload(BODY - 1), await upload(BODY - 1)];
    await settle();
    const refused = await upload(BODY - 1);
    const answer = await refused.answer;
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toContain('<Code>ServiceUnavailable</Code>');
    refused.socket.destroy();

    // An accepted request's last byte arrives: the handler gets it (and finds no Action in its body of 'a's).
    stalled[0].socket.write('a');
    expect(await stalled[0].answer).toMatch(/^HTTP\/1\.1 400 [\s\S]*MissingAction/);
    // Its bytes were returned: a signed request fits again.
    expect((await server.iam.send(new GetUserCommand({}))).User).toBeDefined();
    for (const { socket } of stalled) socket.destroy();
    await Promise.all(stalled.map(({ answer }) => answer));
    await settle();
  });

  it('are given up after the request timeout (408), which returns their bytes', async () => {
    const stalled = [await upload(BODY - 1), await upload(BODY - 1), await upload(BODY - 1)];
    for (const { answer } of stalled) expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
    const fresh = await upload(BODY - 1);
    await settle();
    fresh.socket.write('a');
    expect(await fresh.answer).toMatch(/^HTTP\/1\.1 400 [\s\S]*MissingAction/);
    fresh.socket.destroy();
  });
});
