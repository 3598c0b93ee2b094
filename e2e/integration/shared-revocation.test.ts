// Console sessions on several instances sharing one PostgreSQL database: a session signed out through instance A
// is refused by the console of instance B on its very next check (lib/console/revocation.ts asks its service on
// every request when the database is shared, instead of trusting a check made up to 30 seconds earlier).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { loadConfig } from '../../lib/config';
import { createService, type Service } from '../../lib/service/create-service';
import { nodeListener } from '../../lib/protocol/node-adapter';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';

vi.mock('server-only', () => ({}));

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`Shared console revocation on PostgreSQL skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('console sign-out across instances on PostgreSQL', () => {
  let cluster: PostgresCluster;
  let dataDir: string;
  const services: Service[] = [];
  const servers: http.Server[] = [];
  const endpoints: string[] = [];
  const savedUrl = process.env.GATEHOUSE_DATABASE_URL;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-revocation-'));
    cluster = await startPostgresCluster();
    const env = {
      GATEHOUSE_DATA_DIR: dataDir,
      GATEHOUSE_DATABASE_URL: cluster.url,
      GATEHOUSE_MASTER_KEY: 'ef'.repeat(32),
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
      GATEHOUSE_DEMO: '0',
    };
    for (let i = 0; i < 2; i++) {
      const service = await createService(loadConfig(env));
      services.push(service);
      const server = http.createServer(nodeListener(service.handler, service.config.maxBodyBytes));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      endpoints.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
    // The console of this process runs beside instance B, on the shared database.
    process.env.GATEHOUSE_DATABASE_URL = cluster.url;
  });

  afterAll(async () => {
    if (savedUrl === undefined) delete process.env.GATEHOUSE_DATABASE_URL;
    else process.env.GATEHOUSE_DATABASE_URL = savedUrl;
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    for (const service of services) await service.close();
    await cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses on B a console session signed out through A, at once', async () => {
    const { credentialsStillValid } = await import('../../lib/console/revocation');
    const sts = new STSClient({
      endpoint: endpoints[0],
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const issued = (await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials!;
    const credentials = {
      accessKeyId: issued.AccessKeyId!,
      secretAccessKey: issued.SecretAccessKey!,
      sessionToken: issued.SessionToken!,
    };
    const expiresAt = Math.floor(issued.Expiration!.getTime() / 1000);
    const atB = { kind: 'endpoint' as const, endpoint: endpoints[1] };

    expect(await credentialsStillValid(credentials, expiresAt, atB)).toBe(true);
    // Signed out through the console of A: A's service deletes the session in the shared database (what
    // POST /_gatehouse/sign-out does there). This process's console, B's, remembers nothing of it.
    await services[0].store.sessions.delete(credentials.accessKeyId);
    // B's next check, well within 30 s of the last one, asks its service and is refused.
    expect(await services[1].store.sessions.get(credentials.accessKeyId)).toBeUndefined();
    expect(await credentialsStillValid(credentials, expiresAt, atB)).toBe(false);
  });
});
