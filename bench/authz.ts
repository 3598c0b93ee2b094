// Authorization benchmark (in-process): µs per authorize() for a user in 5 groups with 20 managed policies of 10
// statements (median, p99), split into the full pipeline step, the policy evaluation alone and a cold policy set;
// and the cost of the audit trail: handler throughput for GetUser with the batched audit sink vs none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { loadConfig } from '../lib/config';
import { createService } from '../lib/service/create-service';
import { createPipeline } from '../lib/service/pipeline';
import { createHandler } from '../lib/protocol/handler';
import { IAM_OPERATIONS } from '../lib/iam/operations';
import { STS_OPERATIONS } from '../lib/sts/operations';
import { systemPrincipal, type OperationContext, type Principal } from '../lib/core/context';
import { authorize } from '../lib/policy';
import { bumpPolicyGeneration, createAuthorizer, principalPolicies, principalContext, addInputContext, targetResource } from '../lib/authz';
import type { WireRequest } from '../lib/core/wire';

const GROUPS = 5;
const POLICIES = 20;
const STATEMENTS = 10;

function policyDocument(p: number): string {
  const statements = [];
  for (let s = 0; s < STATEMENTS; s++) {
    const deny = s === STATEMENTS - 1 && p % 7 === 0;
    statements.push({
      Sid: `P${p}S${s}`,
      Effect: deny ? 'Deny' : 'Allow',
      Action: deny
        ? [`iam:Delete*`, `s3:Delete${p}*`]
        : s % 3 === 0
          ? [`iam:Get*`, `iam:List${s}*`]
          : [`s3:Get${p}${s}*`, `ec2:Describe${s}*`],
      Resource: s % 2 === 0 ? `arn:aws:iam::*:user/team${p}/*` : '*',
      Condition: s % 4 === 0 ? { StringEquals: { 'aws:PrincipalTag/team': `t${p}` }, Bool: { 'aws:SecureTransport': 'true' } } : undefined,
    });
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** Times `fn` one call at a time (µs), after a warm-up; returns median and p99. */
function timeEach(fn: () => void, iterations: number): { medianUs: number; p99Us: number } {
  for (let i = 0; i < Math.min(2000, iterations); i++) fn();
  const samples: number[] = new Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort((a, b) => a - b);
  return { medianUs: round(percentile(samples, 50)), p99Us: round(percentile(samples, 99)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h4b-bench-'));
  const config = loadConfig({
    GATEHOUSE_DATA_DIR: dataDir,
    GATEHOUSE_ACCOUNT_ID: '123456789012',
    GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test',
    GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test',
    GATEHOUSE_DEMO: '0',
  });
  const service = await createService(config);
  const { store, secrets } = service;
  const system: OperationContext = {
    principal: systemPrincipal('123456789012'),
    store,
    config,
    secrets,
    requestId: 'bench',
    now: new Date(),
    sourceIp: '127.0.0.1',
    userAgent: 'bench',
    secureTransport: true,
    service: 'iam',
    action: 'Bench',
  };
  const call = (action: string, input: Record<string, unknown>) =>
    store.transaction(() => IAM_OPERATIONS[action]({ ...system, action }, input));
  await call('CreateUser', { UserName: 'bench', Tags: [{ Key: 'team', Value: 't3' }] });
  await call('CreateUser', { UserName: 'target', Path: '/team3/' });
  for (let g = 0; g < GROUPS; g++) {
    await call('CreateGroup', { GroupName: `g${g}` });
    await call('AddUserToGroup', { GroupName: `g${g}`, UserName: 'bench' });
  }
  for (let p = 0; p < POLICIES; p++) {
    const { Policy } = (await call('CreatePolicy', { PolicyName: `p${p}`, PolicyDocument: policyDocument(p) })) as {
      Policy: { Arn: string };
    };
    await call('AttachGroupPolicy', { GroupName: `g${p % GROUPS}`, PolicyArn: Policy.Arn });
  }
  const user = (await store.users.getByName('bench'))!;
  const principal: Principal = {
    type: 'IAMUser',
    accountId: '123456789012',
    arn: `arn:aws:iam::123456789012:user/bench`,
    principalId: user.userId,
    userId: user.userId,
    userName: 'bench',
    accessKeyId: 'AKIABENCH',
  };
  const ctx: OperationContext = { ...system, principal, action: 'GetUser', secureTransport: true };
  const authorizer = createAuthorizer({ store });
  const input = { UserName: 'target' };
  await authorizer.authorize(ctx, input);

  const iterations = 50_000;
  const full = timeEach(() => authorizer.authorize(ctx, input), iterations);
  const policies = await principalPolicies(store, principal);
  const target = await targetResource(store, principal, 'iam', 'GetUser', input);
  const context = await addInputContext(
    principalContext({ ...ctx, region: 'us-east-1' }, policies),
    store,
    input,
    target,
    policies.readsResourceTags,
  );
  const request = {
    action: 'iam:GetUser',
    resource: target.arn,
    principal: { arn: principal.arn, accountId: principal.accountId },
    context,
  };
  const decision = authorize(request, policies.policySet);
  const evaluation = timeEach(() => authorize(request, policies.policySet), iterations);
  const cold = timeEach(async () => {
    bumpPolicyGeneration(store);
    await principalPolicies(store, principal);
  }, 2_000);

  // Audit cost: handler throughput for a signed GetUser, with the batched audit sink and with none.
  const steps = createPipeline({ store, config, secrets });
  const handlerDeps = {
    store,
    config,
    secrets,
    operations: { iam: IAM_OPERATIONS, sts: STS_OPERATIONS },
    authenticator: steps.authenticator,
    authorizer: steps.authorizer,
    routes: new Map(),
  };
  const withAudit = createHandler({ ...handlerDeps, audit: steps.audit });
  const withoutAudit = createHandler({ ...handlerDeps, audit: { record() {} } });
  const body = 'Action=GetUser&Version=2010-05-08&UserName=target';
  const signer = new SignatureV4({
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    region: 'us-east-1',
    service: 'iam',
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: 'localhost',
    path: '/',
    headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = String(v);
  const wire: WireRequest = { method: 'POST', path: '/', query: '', headers, body, sourceIp: '127.0.0.1', secure: false };
  const probe = await withAudit(wire);
  if (probe.status !== 200) throw new Error(`GetUser failed: ${probe.status} ${probe.body}`);
  async function throughput(handler: typeof withAudit, millis: number): Promise<number> {
    let n = 0;
    const end = performance.now() + millis;
    while (performance.now() < end) {
      for (let i = 0; i < 100; i++) await handler(wire);
      n += 100;
    }
    return n / (millis / 1000);
  }
  const rounds = { with: [] as number[], without: [] as number[] };
  for (let r = 0; r < 10; r++) {
    rounds.without.push(await throughput(withoutAudit, 300));
    rounds.with.push(await throughput(withAudit, 300));
  }
  // The audit step alone: building, redacting and serialising an event, plus its share of the batched insert.
  const sink = steps.audit as { record: (r: unknown) => void; flush: () => void };
  const record = {
    info: { request: wire, params: new Map(), service: 'iam', action: 'CreateUser', requestId: 'r', now: new Date() },
    principal,
    input: { UserName: 'someone', Path: '/a/', Tags: [{ Key: 'k', Value: 'v' }] },
    output: {
      User: {
        UserName: 'someone',
        UserId: 'AIDAEXAMPLE',
        Arn: 'arn:aws:iam::123456789012:user/a/someone',
        Path: '/a/',
        CreateDate: new Date(),
      },
    },
    status: 200,
  };
  const auditN = 20_000;
  const auditStart = performance.now();
  for (let i = 0; i < auditN; i++) sink.record(record);
  sink.flush();
  const auditRecordUs = round(((performance.now() - auditStart) * 1000) / auditN);
  await steps.close?.();
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  const best = median;
  const auditRows = await store.audit.count();

  console.log(
    JSON.stringify(
      {
        scenario: `user in ${GROUPS} groups, ${POLICIES} managed policies x ${STATEMENTS} statements (conditions on 1 in 4)`,
        decision,
        authorizeFullStepUs: full,
        policyEvaluationOnlyUs: evaluation,
        coldPolicySetRebuildUs: cold,
        auditRecordUsIncludingBatchedInsert: auditRecordUs,
        handlerGetUserPerSecond: {
          withoutAudit: best(rounds.without),
          withBatchedAudit: best(rounds.with),
          auditCostPercent: Math.round((1 - best(rounds.with) / best(rounds.without)) * 1000) / 10,
        },
        auditRowsWritten: auditRows,
      },
      null,
      2,
    ),
  );
  await service.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
