// Authentication benchmark: N GetUser requests, each signed up front with its own signature (a signed
// `x-bench-id` header makes every canonical request distinct, so nothing server-side can short-circuit
// verification), sent over keep-alive at concurrency 16 to the standalone server (admin user, authorized by
// AdministratorAccess through its group), beside a do-nothing node:http server as the ceiling in the same run.
// Also: the same for a role-session (ASIA) caller, and authenticate() alone in-process (µs per request).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { runLoad, startCeilingServer, type PreparedRequest } from './lib/http-load';
import { startBenchServer } from './lib/server';
import { loadConfig } from '../lib/config';
import { createService } from '../lib/service/create-service';
import { createAuthenticator } from '../lib/authn';
import type { WireRequest } from '../lib/core/wire';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '20000' }, concurrency: { type: 'string', default: '16' } },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const ADMIN = { accessKeyId: 'test', secretAccessKey: 'test' };

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

async function signAll(
  endpoint: string,
  body: string,
  credentials: Credentials,
  service: 'iam' | 'sts',
  count: number,
): Promise<PreparedRequest[]> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service, sha256: Sha256 });
  const out: PreparedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'x-bench-id': String(i) },
      body,
    });
    out.push({ path: '/', headers: signed.headers as Record<string, string>, body });
  }
  return out;
}

async function call(endpoint: string, request: PreparedRequest): Promise<string> {
  const { host: _host, ...headers } = request.headers;
  const response = await fetch(endpoint + request.path, { method: 'POST', headers, body: request.body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${response.status}: ${text}`);
  return text;
}

/** authenticate() alone, in-process, on distinct pre-signed requests: microseconds per request. */
async function authenticateOnly(count: number): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-auth-'));
  const config = loadConfig({
    GATEHOUSE_DATA_DIR: dataDir,
    GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
    GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
    GATEHOUSE_DEMO: '0',
  });
  const service = await createService(config);
  try {
    const authenticator = createAuthenticator({ store: service.store, secrets: service.secrets, config });
    const prepared = await signAll('http://127.0.0.1:4650', 'Action=GetUser&Version=2010-05-08', ADMIN, 'iam', count);
    const wire: WireRequest[] = prepared.map((p) => ({
      method: 'POST',
      path: '/',
      query: '',
      headers: p.headers,
      body: p.body,
      sourceIp: '127.0.0.1',
      secure: false,
    }));
    const info = (request: WireRequest) => ({
      request,
      params: new Map(),
      service: 'iam' as const,
      action: 'GetUser',
      requestId: 'bench',
      now: new Date(),
    });
    for (let i = 0; i < Math.min(1000, count); i++) await authenticator.authenticate(info(wire[i]));
    const started = process.hrtime.bigint();
    for (const request of wire) await authenticator.authenticate(info(request));
    return Number(process.hrtime.bigint() - started) / 1e3 / count;
  } finally {
    await service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const ceiling = await startCeilingServer();
  const server = await startBenchServer();
  try {
    const { endpoint } = server;
    const getUser = 'Action=GetUser&Version=2010-05-08';

    // A role session for the ASIA path: a role the admin may assume, assumed once.
    const trust = encodeURIComponent(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }],
      }),
    );
    const [createRole] = await signAll(
      endpoint,
      `Action=CreateRole&Version=2010-05-08&RoleName=bench-role&AssumeRolePolicyDocument=${trust}`,
      ADMIN,
      'iam',
      1,
    );
    await call(endpoint, createRole);
    const [attach] = await signAll(
      endpoint,
      `Action=AttachRolePolicy&Version=2010-05-08&RoleName=bench-role&PolicyArn=${encodeURIComponent('arn:aws:iam::aws:policy/IAMReadOnlyAccess')}`,
      ADMIN,
      'iam',
      1,
    );
    await call(endpoint, attach);
    const [assume] = await signAll(
      endpoint,
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fbench-role&RoleSessionName=bench',
      ADMIN,
      'sts',
      1,
    );
    const xml = await call(endpoint, assume);
    const pick = (name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)![1];
    const session: Credentials = {
      accessKeyId: pick('AccessKeyId'),
      secretAccessKey: pick('SecretAccessKey'),
      sessionToken: pick('SessionToken'),
    };
    const getRole = 'Action=GetRole&Version=2010-05-08&RoleName=bench-role';

    const warmCeiling = await signAll(ceiling.endpoint, getUser, ADMIN, 'iam', 2000);
    const warm = await signAll(endpoint, getUser, ADMIN, 'iam', 2000);
    const userRequests = await signAll(endpoint, getUser, ADMIN, 'iam', REQUESTS);
    const sessionRequests = await signAll(endpoint, getRole, session, 'iam', REQUESTS);
    const ceilingRequests = await signAll(ceiling.endpoint, getUser, ADMIN, 'iam', REQUESTS);

    await runLoad(ceiling.endpoint, warmCeiling, CONCURRENCY);
    await runLoad(endpoint, warm, CONCURRENCY);
    const ceilingResult = await runLoad(ceiling.endpoint, ceilingRequests, CONCURRENCY);
    const userResult = await runLoad(endpoint, userRequests, CONCURRENCY);
    const sessionResult = await runLoad(endpoint, sessionRequests, CONCURRENCY);
    const authenticateMicros = await authenticateOnly(Math.min(REQUESTS, 20000));

    const row = (name: string, r: typeof userResult) => ({
      step: name,
      requests: r.requests,
      perSecond: Math.round(r.perSecond),
      ratioToCeiling: Number((r.perSecond / ceilingResult.perSecond).toFixed(3)),
      errors: r.errors,
      statuses: r.statuses,
    });
    const report = {
      benchmark: 'auth',
      concurrency: CONCURRENCY,
      note: 'every request signed up front with a distinct signature; server and ceiling each in their own process',
      results: [
        row('ceiling: do-nothing node:http', ceilingResult),
        row('GetUser signed + authorized (admin user, AKIA-style key)', userResult),
        row('GetRole signed + authorized (role session, ASIA key + token)', sessionResult),
      ],
      authenticateMicrosecondsPerRequest: Number(authenticateMicros.toFixed(2)),
      serverPeakRssMiB: server.peakRssMiB(),
    };
    console.log(JSON.stringify(report, null, 2));
    if (userResult.errors > 0 || sessionResult.errors > 0) process.exitCode = 1;
  } finally {
    server.stop();
    ceiling.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
