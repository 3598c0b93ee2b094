// The /aws mount: the Web Request/Response adapter the Next route handler uses, with the SDK signing the
// mount's path, served over real HTTP (the same handler as the standalone server).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateUserCommand, GetUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { serveWebRequest } from '../../lib/protocol/web-adapter';
import { startServer, errorCode, type TestServer } from './harness';

let server: TestServer;
let mount: http.Server;
let endpoint: string;

beforeAll(async () => {
  server = await startServer();
  mount = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
    });
    const response = await serveWebRequest(server.service.handler, request, '/aws', server.service.config.maxBodyBytes, '127.0.0.1');
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => mount.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(mount.address() as AddressInfo).port}/aws`;
});

afterAll(async () => {
  mount.closeAllConnections();
  await new Promise<void>((resolve) => mount.close(() => resolve()));
  await server.stop();
});

describe('the /aws mount', () => {
  it('serves IAM and STS to SDK clients that sign the /aws path', async () => {
    const credentials = server.credentials;
    const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    const sts = new STSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    await iam.send(new CreateUserCommand({ UserName: 'mounted', Path: '/web/' }));
    expect((await iam.send(new GetUserCommand({ UserName: 'mounted' }))).User?.Arn).toBe(
      `arn:aws:iam::${server.accountId}:user/web/mounted`,
    );
    expect((await iam.send(new ListUsersCommand({ PathPrefix: '/web/' }))).Users?.map((u) => u.UserName)).toEqual(['mounted']);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${server.accountId}:user/admin`);
    iam.destroy();
    sts.destroy();
  });

  it('rejects a wrong secret with SignatureDoesNotMatch', async () => {
    const iam = new IAMClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' },
      maxAttempts: 1,
    });
    expect(await errorCode(iam.send(new ListUsersCommand({})))).toBe('SignatureDoesNotMatch');
    iam.destroy();
  });

  it('serves the Gatehouse routes under the mount', async () => {
    const response = await fetch(`${endpoint}/_gatehouse/reset`, { method: 'POST' });
    expect(response.status).toBe(200);
  });
});
