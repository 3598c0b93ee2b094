// Starts a real Gatehouse IAM/STS server (in this process, on a free loopback port, with a fresh data
// directory) and gives tests real AWS SDK clients pointed at it. Nothing is mocked: requests go over HTTP.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { IAMClient } from '@aws-sdk/client-iam';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { STSClient } from '@aws-sdk/client-sts';
import { loadConfig } from '../../lib/config';
import { createService, type Service } from '../../lib/service/create-service';
import { parseTrustedProxies, withResolvedClient } from '../../lib/service/client-address';
import { answerClientErrors, nodeListener, requestTimeouts } from '../../lib/protocol/node-adapter';
import { BodyBudget } from '../../lib/protocol/limits';
import { createTestDatabase, dropTestDatabase, onPostgres, queryTestDatabase, sharedSecrets } from '../support/test-store';
import type { SqliteStore } from '../../lib/store/sqlite/store';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface TestServer {
  endpoint: string;
  service: Service;
  dataDir: string;
  /** The server's own PostgreSQL database when the run is on PostgreSQL (`GATEHOUSE_TEST_STORE=postgres`), else undefined. */
  databaseUrl?: string;
  accountId: string;
  rootEmail: string;
  rootPassword: string;
  iam: IAMClient;
  sts: STSClient;
  credentials: Credentials;
  clientFor(credentials: Credentials): { iam: IAMClient; sts: STSClient };
  /**
   * Runs one SQL statement straight on the server's database, behind the service's back (to age a session or a
   * lock as if time had passed): SQLite's `?` placeholders, turned into `$1`, `$2`, … on PostgreSQL.
   */
  execute(statement: string, params?: unknown[]): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export const ADMIN_CREDENTIALS: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
export const TEST_ACCOUNT_ID = '123456789012';
export const TEST_ROOT_EMAIL = 'root@example.com';
export const TEST_ROOT_PASSWORD = 'Root-Password-123!';

/**
 * Starts a server. `env` adds to the test defaults (admin key test/test, fixed account, reset allowed). On a
 * PostgreSQL run each server gets a fresh database of its own on the run's cluster (dropped by `stop()`).
 */
export async function startServer(options: { env?: Record<string, string>; demo?: boolean } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-test-'));
  const databaseUrl = onPostgres ? await createTestDatabase('server') : undefined;
  const env = {
    GATEHOUSE_DATA_DIR: dataDir,
    // Instances on a shared database take their secrets from the environment (the service refuses to start otherwise).
    ...(databaseUrl ? { GATEHOUSE_DATABASE_URL: databaseUrl, ...sharedSecrets() } : {}),
    GATEHOUSE_ACCOUNT_ID: TEST_ACCOUNT_ID,
    GATEHOUSE_ROOT_EMAIL: TEST_ROOT_EMAIL,
    GATEHOUSE_ROOT_PASSWORD: TEST_ROOT_PASSWORD,
    GATEHOUSE_ADMIN_ACCESS_KEY_ID: ADMIN_CREDENTIALS.accessKeyId,
    GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: ADMIN_CREDENTIALS.secretAccessKey,
    GATEHOUSE_ALLOW_RESET: '1',
    GATEHOUSE_DEMO: options.demo ? '1' : '0',
    // Load shedding depends on the machine's load: off, except in the suite that tests it.
    GATEHOUSE_MAX_QUEUE_MS: '0',
    ...options.env,
  };
  const config = loadConfig(env);
  const service = await createService(config);
  const server = http.createServer(
    { keepAliveTimeout: 5000, ...requestTimeouts(config.requestTimeoutMs) },
    nodeListener(
      withResolvedClient(service.handler, parseTrustedProxies(config.trustedProxies)),
      config.maxBodyBytes,
      new BodyBudget(config.maxBufferedBodyBytes),
    ),
  );
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;

  const clientFor = (credentials: Credentials) => ({
    iam: new IAMClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 }),
    sts: new STSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 }),
  });
  const admin = clientFor(ADMIN_CREDENTIALS);

  return {
    endpoint,
    service,
    dataDir,
    databaseUrl,
    accountId: TEST_ACCOUNT_ID,
    rootEmail: TEST_ROOT_EMAIL,
    rootPassword: TEST_ROOT_PASSWORD,
    iam: admin.iam,
    sts: admin.sts,
    credentials: ADMIN_CREDENTIALS,
    clientFor,
    async execute(statement, params = []) {
      if (databaseUrl) {
        let n = 0;
        await queryTestDatabase(
          databaseUrl,
          statement.replace(/\?/g, () => `$${++n}`),
          params,
        );
      } else {
        (service.store as SqliteStore).db.prepare(statement).run(...params);
      }
    },
    async reset() {
      const response = await fetch(`${endpoint}/_gatehouse/reset`, { method: 'POST' });
      if (response.status !== 200) throw new Error(`reset failed: ${response.status} ${await response.text()}`);
    },
    async stop() {
      admin.iam.destroy();
      admin.sts.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl) await dropTestDatabase(databaseUrl);
    },
  };
}

/** The AWS error code of a rejected SDK call (fails the test when the call succeeds). */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { name?: string; Code?: string }).Code ?? (error as Error).name;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** GETs the audit route (`/_gatehouse/audit`, which flushes the audit writer first) of `endpoint`, signed (SigV4, service iam). */
export async function auditRoute(
  endpoint: string,
  credentials: Credentials,
  query: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const url = new URL(`${endpoint}/_gatehouse/audit`);
  const request = new HttpRequest({
    method: 'GET',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: { host: url.host },
  });
  const signer = new SignatureV4({ service: 'iam', region: 'us-east-1', sha256: Sha256, credentials });
  const signed = await signer.sign(request);
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${url.origin}${url.pathname}${search ? `?${search}` : ''}`, {
    headers: signed.headers as Record<string, string>,
  });
  return { status: response.status, body: await response.json() };
}
