// IAM Access Analyzer on Gatehouse: ValidatePolicy and CheckNoNewAccess requests per second on a
// 20-statement policy (pre-signed requests over keep-alive connections, as bench/iam.ts measures IAM), and the
// time from StartPolicyGeneration to a SUCCEEDED job for a principal with 10,000 audit events.
import { AccessAnalyzerClient, GetGeneratedPolicyCommand, StartPolicyGenerationCommand } from '@aws-sdk/client-accessanalyzer';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { runLoad, signQuery, type PreparedRequest } from './lib/http-load';
import { startBenchServer } from './lib/server';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const CONCURRENCY = 16;
const ACCOUNT = '123456789012';

/** A 20-statement identity policy of the kind teams lint in CI: several services, resources, conditions. */
function twentyStatementPolicy(narrower = false): string {
  const services = ['s3', 'dynamodb', 'sqs', 'sns', 'kms'];
  const statements = Array.from({ length: 20 }, (_, i) => {
    const service = services[i % services.length];
    const statement: Record<string, unknown> = {
      Sid: `Statement${i}`,
      Effect: 'Allow',
      Action: [`${service}:Get*`, `${service}:List*`, `${service}:Describe*`].slice(0, narrower ? 1 : 3),
      Resource: [`arn:aws:${service}:us-east-1:${ACCOUNT}:app-${i}/*`, `arn:aws:${service}:us-east-1:${ACCOUNT}:shared-${i % 4}`],
    };
    if (i % 3 === 0)
      statement.Condition = { StringEquals: { 'aws:RequestedRegion': 'us-east-1' }, Bool: { 'aws:SecureTransport': 'true' } };
    return statement;
  });
  statements.push({ Sid: 'DenyDelete', Effect: 'Deny', Action: ['s3:DeleteBucket', 'dynamodb:DeleteTable'], Resource: '*' });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements.slice(0, 20) }, null, 2);
}

async function signJson(endpoint: string, path: string, body: string): Promise<PreparedRequest> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials: CREDENTIALS, region: 'us-east-1', service: 'access-analyzer', sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path,
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  return { path, headers: signed.headers as Record<string, string>, body };
}

async function main() {
  const server = await startBenchServer();
  const { endpoint } = server;
  const rows: { step: string; requests: number; perSecond: number; errors: number; serverCpuUsPerRequest: number }[] = [];
  const load = async (step: string, requests: PreparedRequest[]) => {
    const before = server.cpuMs();
    const result = await runLoad(endpoint, requests, CONCURRENCY);
    rows.push({
      step,
      requests: result.requests,
      perSecond: Math.round(result.perSecond),
      errors: result.errors,
      serverCpuUsPerRequest: Math.round(((server.cpuMs() - before) * 1000) / result.requests),
    });
  };

  const policy = twentyStatementPolicy();
  const validate = JSON.stringify({ policyDocument: policy, policyType: 'IDENTITY_POLICY' });
  await load(
    'ValidatePolicy, 20 statements (warm-up, c16)',
    await Promise.all(Array.from({ length: 200 }, () => signJson(endpoint, '/policy/validation', validate))),
  );
  await load(
    'ValidatePolicy, 20 statements (c16)',
    await Promise.all(Array.from({ length: 2000 }, () => signJson(endpoint, '/policy/validation', validate))),
  );
  const check = JSON.stringify({
    newPolicyDocument: twentyStatementPolicy(true),
    existingPolicyDocument: policy,
    policyType: 'IDENTITY_POLICY',
  });
  await load(
    'CheckNoNewAccess, 20 vs 20 statements, PASS (c16)',
    await Promise.all(Array.from({ length: 2000 }, () => signJson(endpoint, '/policy/check-no-new-access', check))),
  );
  const failing = JSON.stringify({
    newPolicyDocument: policy,
    existingPolicyDocument: twentyStatementPolicy(true),
    policyType: 'IDENTITY_POLICY',
  });
  await load(
    'CheckNoNewAccess, 20 vs 20 statements, FAIL (c16)',
    await Promise.all(Array.from({ length: 2000 }, () => signJson(endpoint, '/policy/check-no-new-access', failing))),
  );

  // A principal with 10,000 audit events: a reader calling GetUser on 100 users, ListUsers and ListGroups.
  const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
  await iam.send(new CreateUserCommand({ UserName: 'reader', Path: '/bench/' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'reader',
      PolicyName: 'read',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }],
      }),
    }),
  );
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'reader' }));
  const reader = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  const users = Array.from({ length: 100 }, (_, i) => `user-${i}`);
  await runLoad(
    endpoint,
    await Promise.all(users.map((name) => signQuery(endpoint, `Action=CreateUser&Version=2010-05-08&UserName=${name}`, CREDENTIALS))),
    CONCURRENCY,
  );
  const bodies = Array.from({ length: 10_000 }, (_, i) =>
    i % 10 === 0
      ? 'Action=ListUsers&Version=2010-05-08'
      : i % 10 === 1
        ? 'Action=ListGroups&Version=2010-05-08'
        : `Action=GetUser&Version=2010-05-08&UserName=user-${i % 100}`,
  );
  const calls = await runLoad(endpoint, await Promise.all(bodies.map((body) => signQuery(endpoint, body, reader))), CONCURRENCY);

  const analyzer = new AccessAnalyzerClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
  const generations: number[] = [];
  let statements = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const { jobId } = await analyzer.send(
      new StartPolicyGenerationCommand({ policyGenerationDetails: { principalArn: `arn:aws:iam::${ACCOUNT}:user/bench/reader` } }),
    );
    for (;;) {
      const result = await analyzer.send(new GetGeneratedPolicyCommand({ jobId }));
      if (result.jobDetails?.status !== 'IN_PROGRESS') {
        if (result.jobDetails?.status !== 'SUCCEEDED') throw new Error(`generation ended ${result.jobDetails?.status}`);
        statements = JSON.parse(result.generatedPolicyResult!.generatedPolicies![0].policy!).Statement.length;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    generations.push(performance.now() - started);
  }
  iam.destroy();
  analyzer.destroy();
  server.stop();

  console.table(rows);
  console.log(
    `Policy generation for a principal with ${calls.requests - calls.errors} successful audit events (${calls.errors} failed calls):`,
  );
  console.log(
    `  StartPolicyGeneration → SUCCEEDED: ${generations.map((ms) => `${Math.round(ms)} ms`).join(', ')} (3 runs; ${statements} statements generated)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
