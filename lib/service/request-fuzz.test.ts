// Fuzz of the whole request path (seeded, bounded): SigV4-signed requests for every IAM and STS operation with
// parameters generated from AWS's service models and then mutated (scalars given sub-members, lists given
// nested members, odd indices, garbage values), sent to the real handler over a real store. Never a 5xx.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { loadConfig } from '../config';
import type { ServiceName } from '../protocol/model';
import { queryRequest } from '../protocol/query-arbitraries.fixtures';
import { createService, type Service } from './create-service';

const ACCOUNT = '123456789012';
let service: Service;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-fuzz-'));
  service = await createService(
    loadConfig({
      GATEHOUSE_DATA_DIR: dir,
      GATEHOUSE_ACCOUNT_ID: ACCOUNT,
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
      GATEHOUSE_DEMO: '1',
      GATEHOUSE_MAX_QUEUE_MS: '0',
    }),
  );
});
afterAll(async () => {
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const signers = {
  iam: new SignatureV4({
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    region: 'us-east-1',
    service: 'iam',
    sha256: Sha256,
  }),
  sts: new SignatureV4({
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    region: 'us-east-1',
    service: 'sts',
    sha256: Sha256,
  }),
};

async function send(serviceName: ServiceName, body: string) {
  const signed = await signers[serviceName].sign({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    path: '/',
    headers: { host: '127.0.0.1', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  return service.handler({
    method: 'POST',
    path: '/',
    query: '',
    headers,
    body,
    rawBody: Buffer.from(body),
    sourceIp: '127.0.0.1',
    secure: false,
  });
}

describe('request fuzz (every operation, model-driven, seeded)', () => {
  for (const serviceName of ['iam', 'sts'] as const) {
    it(`answers every generated ${serviceName.toUpperCase()} request with an AWS answer below 500`, async () => {
      await fc.assert(
        fc.asyncProperty(queryRequest(serviceName), async ({ action, body }) => {
          const response = await send(serviceName, body);
          expect(response.status, `${action}: ${body}\n${response.body}`).toBeLessThan(500);
          expect(response.body).toMatch(/^<(\w+Response|ErrorResponse) xmlns="/);
        }),
        { seed: 20261202, numRuns: serviceName === 'iam' ? 800 : 200 },
      );
    }, 120_000);
  }
});
