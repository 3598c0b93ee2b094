// IAM Access Analyzer's policy API through @aws-sdk/client-accessanalyzer and Debian's `aws accessanalyzer`,
// against a running server. Expected findings and results are AWS's own documented examples: the AWS CLI's
// command reference for accessanalyzer (awscli/examples/accessanalyzer/*.rst, the text of
// https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/) and the IAM User Guide's "IAM policy
// validation check reference" (access-analyzer-reference-policy-checks.html).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessAnalyzerClient,
  CancelPolicyGenerationCommand,
  CheckAccessNotGrantedCommand,
  CheckNoNewAccessCommand,
  CheckNoPublicAccessCommand,
  GetGeneratedPolicyCommand,
  ListAnalyzersCommand,
  ListPolicyGenerationsCommand,
  StartPolicyGenerationCommand,
  ValidatePolicyCommand,
  type GetGeneratedPolicyCommandOutput,
  type ValidatePolicyFinding,
} from '@aws-sdk/client-accessanalyzer';
import { CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, ListGroupsCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveWebRequest } from '../../lib/protocol/web-adapter';
import { auditRoute, errorCode, startServer, type Credentials, type TestServer } from './harness';

const run = promisify(execFile);
const AWS_CLI = '/usr/bin/aws';

let server: TestServer;
let analyzer: AccessAnalyzerClient;
let home: string;
let carol: Credentials;

function clientFor(credentials: Credentials): AccessAnalyzerClient {
  return new AccessAnalyzerClient({ endpoint: server.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
}

async function awsCli(
  args: string[],
  credentials: Credentials = server.credentials,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  try {
    const { stdout, stderr } = await run(
      AWS_CLI,
      [...args, '--endpoint-url', server.endpoint, '--region', 'us-east-1', '--output', 'json'],
      { env, timeout: 30000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The trust policy of the CLI reference's `validate-policy` example (myfile.json), exactly as printed there. */
const COGNITO_TRUST_POLICY = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "",
            "Effect": "Allow",
            "Principal": {
                "Federated": "cognito-identity.amazonaws.com"
            },
            "Action": [
                "sts:AssumeRole",
                "sts:TagSession"
            ],
            "Condition": {
                "StringEquals": {
                    "cognito-identity.amazonaws.com:aud": "us-west-2_EXAMPLE"
                }
            }
        }
    ]
}`;

/** existing-policy.json of the CLI reference's `check-no-new-access` example. */
const S3_READ_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
      },
    ],
  },
  null,
  4,
);
/** new-policy.json of the same example: one more action. */
const S3_READ_POLICY_WITH_ACL = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectAcl', 's3:ListBucket'],
        Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
      },
    ],
  },
  null,
  4,
);

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-awscli-'));
  server = await startServer();
  analyzer = clientFor(server.credentials);
  await server.iam.send(new CreateUserCommand({ UserName: 'carol', Path: '/analysts/' }));
  const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }));
  carol = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
});

afterAll(async () => {
  analyzer?.destroy();
  await server?.stop();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

function summary(findings: ValidatePolicyFinding[] | undefined) {
  return (findings ?? []).map((f) => ({ issueCode: f.issueCode, findingType: f.findingType }));
}

describe('ValidatePolicy', () => {
  it("reports the three findings of the CLI reference's validate-policy example, at AWS's locations", async () => {
    const { findings } = await analyzer.send(
      new ValidatePolicyCommand({ policyDocument: COGNITO_TRUST_POLICY, policyType: 'RESOURCE_POLICY' }),
    );
    expect(summary(findings)).toEqual([
      { issueCode: 'EMPTY_SID_VALUE', findingType: 'SUGGESTION' },
      { issueCode: 'MISMATCHED_ACTION_FOR_PRINCIPAL', findingType: 'ERROR' },
      { issueCode: 'UNSUPPORTED_ACTION_FOR_CONDITION_KEY', findingType: 'ERROR' },
    ]);
    const [emptySid, mismatch, unsupported] = findings!;
    expect(emptySid.findingDetails).toBe('Add a value to the empty string in the Sid element.');
    expect(emptySid.learnMoreLink).toBe(
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-empty-sid-value',
    );
    // AWS's documented location: path Statement/0/Sid, span line 5 column 19 to column 21.
    expect(emptySid.locations).toEqual([
      {
        path: [{ value: 'Statement' }, { index: 0 }, { value: 'Sid' }],
        span: { start: { line: 5, column: 19, offset: 79 }, end: { line: 5, column: 21, offset: 81 } },
      },
    ]);
    expect(mismatch.findingDetails).toBe(
      'The sts:AssumeRole action is invalid with the following principal(s): cognito-identity.amazonaws.com. Use a SAML provider principal with the sts:AssumeRoleWithSAML action or use an OIDC provider principal with the sts:AssumeRoleWithWebIdentity action. Ensure the provider is Federated if you use either of the two options.',
    );
    expect(mismatch.learnMoreLink).toBe(
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-mismatched-action-for-principal',
    );
    expect(mismatch.locations!.map((l) => [l.path, l.span!.start!.line, l.span!.start!.column, l.span!.end!.column])).toEqual([
      [[{ value: 'Statement' }, { index: 0 }, { value: 'Action' }, { index: 0 }], 11, 16, 32],
      [[{ value: 'Statement' }, { index: 0 }, { value: 'Principal' }, { value: 'Federated' }], 8, 29, 61],
    ]);
    expect(unsupported.findingDetails).toBe(
      'The following actions: sts:TagSession are not supported by the condition key cognito-identity.amazonaws.com:aud. The condition will not be evaluated for these actions. We recommend that you move these actions to a different statement without this condition key.',
    );
    expect(unsupported.locations![0]).toEqual({
      path: [{ value: 'Statement' }, { index: 0 }, { value: 'Action' }, { index: 1 }],
      span: { start: { line: 12, column: 16, offset: 292 }, end: { line: 12, column: 32, offset: 308 } },
    });
  });

  it('pages the findings with maxResults and nextToken', async () => {
    const codes: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await analyzer.send(
        new ValidatePolicyCommand({ policyDocument: COGNITO_TRUST_POLICY, policyType: 'RESOURCE_POLICY', maxResults: 1, nextToken }),
      );
      codes.push(...summary(page.findings).map((f) => f.issueCode!));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(codes).toEqual(['EMPTY_SID_VALUE', 'MISMATCHED_ACTION_FOR_PRINCIPAL', 'UNSUPPORTED_ACTION_FOR_CONDITION_KEY']);
    // A token belongs to its request.
    const first = await analyzer.send(
      new ValidatePolicyCommand({ policyDocument: COGNITO_TRUST_POLICY, policyType: 'RESOURCE_POLICY', maxResults: 1 }),
    );
    expect(
      await errorCode(
        analyzer.send(
          new ValidatePolicyCommand({ policyDocument: S3_READ_POLICY, policyType: 'IDENTITY_POLICY', nextToken: first.nextToken }),
        ),
      ),
    ).toBe('ValidationException');
  });

  it('flags iam:PassRole on "*" (check reference: Security Warning – Pass role with star in resource)', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'iam:GetRole'], Resource: '*' }],
    });
    const { findings } = await analyzer.send(new ValidatePolicyCommand({ policyDocument: policy, policyType: 'IDENTITY_POLICY' }));
    expect(summary(findings)).toContainEqual({ issueCode: 'PASS_ROLE_WITH_STAR_IN_RESOURCE', findingType: 'SECURITY_WARNING' });
  });

  it('reports an action that does not exist (check reference: Error – Invalid action) and a missing Action (Error – Missing action)', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' },
        { Effect: 'Allow', Resource: '*' },
      ],
    });
    const { findings } = await analyzer.send(new ValidatePolicyCommand({ policyDocument: policy, policyType: 'IDENTITY_POLICY' }));
    expect(summary(findings)).toEqual(
      expect.arrayContaining([
        { issueCode: 'INVALID_ACTION', findingType: 'ERROR' },
        { issueCode: 'MISSING_ACTION', findingType: 'ERROR' },
      ]),
    );
  });

  it('checks service control policies against the SCP grammar (check reference: Error – SCP syntax error principal)', async () => {
    const scp = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] });
    const { findings } = await analyzer.send(new ValidatePolicyCommand({ policyDocument: scp, policyType: 'SERVICE_CONTROL_POLICY' }));
    expect(summary(findings)).toContainEqual({ issueCode: 'SCP_SYNTAX_ERROR_PRINCIPAL', findingType: 'ERROR' });
  });

  it('finds nothing wrong in the S3 read policy of the CLI reference examples', async () => {
    const { findings } = await analyzer.send(new ValidatePolicyCommand({ policyDocument: S3_READ_POLICY, policyType: 'IDENTITY_POLICY' }));
    expect(findings).toEqual([]);
  });

  it('answers a malformed request with ValidationException, not a 500', async () => {
    expect(
      await errorCode(
        analyzer.send(new ValidatePolicyCommand({ policyDocument: S3_READ_POLICY, policyType: 'NOT_A_TYPE' as 'IDENTITY_POLICY' })),
      ),
    ).toBe('ValidationException');
    const response = await signedFetch('POST', '/policy/validation', '{not json');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
  });

  it("works through Debian's aws accessanalyzer validate-policy", async () => {
    const file = path.join(home, 'myfile.json');
    fs.writeFileSync(file, COGNITO_TRUST_POLICY);
    const result = await awsCli([
      'accessanalyzer',
      'validate-policy',
      '--policy-document',
      `file://${file}`,
      '--policy-type',
      'RESOURCE_POLICY',
    ]);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { findings: ValidatePolicyFinding[] };
    expect(output.findings.map((f) => f.issueCode)).toEqual([
      'EMPTY_SID_VALUE',
      'MISMATCHED_ACTION_FOR_PRINCIPAL',
      'UNSUPPORTED_ACTION_FOR_CONDITION_KEY',
    ]);
    expect(output.findings[0].locations![0].span).toEqual({
      start: { line: 5, column: 19, offset: 79 },
      end: { line: 5, column: 21, offset: 81 },
    });
  });
});

describe('custom policy checks', () => {
  it("CheckNoNewAccess fails the CLI reference's example (s3:GetObjectAcl added) at statement 0, with AWS's message", async () => {
    const result = await analyzer.send(
      new CheckNoNewAccessCommand({
        existingPolicyDocument: S3_READ_POLICY,
        newPolicyDocument: S3_READ_POLICY_WITH_ACL,
        policyType: 'IDENTITY_POLICY',
      }),
    );
    expect(result.result).toBe('FAIL');
    expect(result.message).toBe('The modified permissions grant new access compared to your existing policy.');
    expect(result.reasons).toEqual([{ description: 'New access in the statement with index: 0.', statementIndex: 0 }]);
  });

  it('CheckNoNewAccess passes when the new policy only narrows the existing one', async () => {
    const result = await analyzer.send(
      new CheckNoNewAccessCommand({
        existingPolicyDocument: S3_READ_POLICY_WITH_ACL,
        newPolicyDocument: S3_READ_POLICY,
        policyType: 'IDENTITY_POLICY',
      }),
    );
    expect(result.result).toBe('PASS');
  });

  it("CheckAccessNotGranted passes the CLI reference's example (s3:DeleteBucket, s3:GetBucketLocation) with AWS's message", async () => {
    const result = await analyzer.send(
      new CheckAccessNotGrantedCommand({
        policyDocument: S3_READ_POLICY,
        access: [{ actions: ['s3:DeleteBucket', 's3:GetBucketLocation'] }],
        policyType: 'IDENTITY_POLICY',
      }),
    );
    expect(result.result).toBe('PASS');
    expect(result.message).toBe('The policy document does not grant access to perform one or more of the listed actions.');
  });

  it('CheckAccessNotGranted fails when a listed action is granted, naming the statement', async () => {
    const result = await analyzer.send(
      new CheckAccessNotGrantedCommand({
        policyDocument: S3_READ_POLICY,
        access: [{ actions: ['s3:GetObject'] }],
        policyType: 'IDENTITY_POLICY',
      }),
    );
    expect(result.result).toBe('FAIL');
    expect(result.reasons?.[0].statementIndex).toBe(0);
  });

  it("CheckNoPublicAccess passes the CLI reference's example (a bucket policy for one user) with AWS's message", async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'CheckNoPublicAccess',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:user/JohnDoe' },
          Action: ['s3:GetObject'],
        },
      ],
    });
    const result = await analyzer.send(new CheckNoPublicAccessCommand({ policyDocument: policy, resourceType: 'AWS::S3::Bucket' }));
    expect(result.result).toBe('PASS');
    expect(result.message).toBe('The resource policy does not grant public access for the given resource type.');
  });

  it('CheckNoPublicAccess fails a role trust policy that any principal or any Cognito app can assume', async () => {
    const anyone = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
    });
    const result = await analyzer.send(
      new CheckNoPublicAccessCommand({ policyDocument: anyone, resourceType: 'AWS::IAM::AssumeRolePolicyDocument' }),
    );
    expect(result.result).toBe('FAIL');
    expect(result.reasons).toEqual([expect.objectContaining({ statementIndex: 0, statementId: 'Anyone' })]);
    const cognitoWithoutAudience = COGNITO_TRUST_POLICY.replace(/"Condition": \{[\s\S]*?\n {12}\}/, '"Condition": {}').replace(
      '"sts:AssumeRole",',
      '"sts:AssumeRoleWithWebIdentity",',
    );
    const open = await analyzer.send(
      new CheckNoPublicAccessCommand({ policyDocument: cognitoWithoutAudience, resourceType: 'AWS::IAM::AssumeRolePolicyDocument' }),
    );
    expect(open.result).toBe('FAIL');
    const confined = await analyzer.send(
      new CheckNoPublicAccessCommand({ policyDocument: COGNITO_TRUST_POLICY, resourceType: 'AWS::IAM::AssumeRolePolicyDocument' }),
    );
    expect(confined.result).toBe('PASS');
  });

  it('answers an unparseable policy with InvalidParameterException', async () => {
    expect(
      await errorCode(
        analyzer.send(
          new CheckNoNewAccessCommand({ existingPolicyDocument: '{', newPolicyDocument: S3_READ_POLICY, policyType: 'IDENTITY_POLICY' }),
        ),
      ),
    ).toBe('InvalidParameterException');
  });
});

async function waitForJob(client: AccessAnalyzerClient, jobId: string): Promise<GetGeneratedPolicyCommandOutput> {
  for (let i = 0; i < 100; i++) {
    const result = await client.send(new GetGeneratedPolicyCommand({ jobId }));
    if (result.jobDetails?.status !== 'IN_PROGRESS') return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the job did not finish');
}

describe('policy generation from the audit trail', () => {
  it('generates the actions a user called, with the resources its calls named, within the time window', async () => {
    const before = new Date(Date.now() - 1000);
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'carol',
        PolicyName: 'reader',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }],
        }),
      }),
    );
    const carolIam = server.clientFor(carol).iam;
    await carolIam.send(new GetUserCommand({ UserName: 'carol' }));
    await carolIam.send(new ListGroupsCommand({}));
    // A denied call grants nothing in the generated policy.
    expect(await errorCode(carolIam.send(new CreateUserCommand({ UserName: 'mallory' })))).toBe('AccessDenied');
    carolIam.destroy();

    const principalArn = `arn:aws:iam::${server.accountId}:user/analysts/carol`;
    const { jobId } = await analyzer.send(
      new StartPolicyGenerationCommand({
        policyGenerationDetails: { principalArn },
        cloudTrailDetails: {
          trails: [{ cloudTrailArn: `arn:aws:cloudtrail:us-east-1:${server.accountId}:trail/gatehouse`, allRegions: true }],
          accessRole: `arn:aws:iam::${server.accountId}:role/service-role/AccessAnalyzerMonitorServiceRole`,
          startTime: before,
        },
      }),
    );
    const result = await waitForJob(analyzer, jobId!);
    expect(result.jobDetails?.status).toBe('SUCCEEDED');
    expect(result.generatedPolicyResult?.properties?.principalArn).toBe(principalArn);
    const policy = JSON.parse(result.generatedPolicyResult!.generatedPolicies![0].policy!);
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'SupportedServiceSid0', Effect: 'Allow', Action: ['iam:ListGroups'], Resource: '*' },
        {
          Sid: 'SupportedServiceSid1',
          Effect: 'Allow',
          Action: ['iam:GetUser'],
          Resource: `arn:aws:iam::${server.accountId}:user/analysts/carol`,
        },
      ],
    });

    // A window that ends before the calls finds none of them.
    const { jobId: earlier } = await analyzer.send(
      new StartPolicyGenerationCommand({
        policyGenerationDetails: { principalArn },
        cloudTrailDetails: {
          trails: [],
          accessRole: `arn:aws:iam::${server.accountId}:role/r`,
          startTime: new Date(before.getTime() - 3600_000),
          endTime: before,
        },
      }),
    );
    const empty = await waitForJob(analyzer, earlier!);
    expect(JSON.parse(empty.generatedPolicyResult!.generatedPolicies![0].policy!).Statement).toEqual([]);

    const listed = await analyzer.send(new ListPolicyGenerationsCommand({ principalArn }));
    expect(listed.policyGenerations?.map((g) => g.jobId)).toEqual([earlier, jobId]);
  });

  it('fails the job of a principal that does not exist; cancelling a finished job leaves it as it is', async () => {
    const { jobId } = await analyzer.send(
      new StartPolicyGenerationCommand({ policyGenerationDetails: { principalArn: `arn:aws:iam::${server.accountId}:role/NoSuchRole` } }),
    );
    const failed = await waitForJob(analyzer, jobId!);
    expect(failed.jobDetails?.status).toBe('FAILED');
    expect(failed.jobDetails?.jobError?.code).toBe('RESOURCE_NOT_FOUND_ERROR');
    // (Cancelling a job still in progress is covered by lib/analyzer/policy-generation.test.ts with a held scheduler.)
    await analyzer.send(new CancelPolicyGenerationCommand({ jobId }));
    expect((await analyzer.send(new GetGeneratedPolicyCommand({ jobId }))).jobDetails?.status).toBe('FAILED');
    expect(await errorCode(analyzer.send(new GetGeneratedPolicyCommand({ jobId: 'no-such-job' })))).toBe('ValidationException');
  });

  it("works through Debian's aws accessanalyzer start-policy-generation / get-generated-policy / list-policy-generations", async () => {
    const details = JSON.stringify({ principalArn: `arn:aws:iam::${server.accountId}:user/analysts/carol` });
    const started = await awsCli(['accessanalyzer', 'start-policy-generation', '--policy-generation-details', details]);
    expect(started.code).toBe(0);
    const { jobId } = JSON.parse(started.stdout) as { jobId: string };
    let output: { jobDetails: { status: string }; generatedPolicyResult: { generatedPolicies?: { policy: string }[] } } | undefined;
    for (let i = 0; i < 20; i++) {
      const got = await awsCli(['accessanalyzer', 'get-generated-policy', '--job-id', jobId]);
      expect(got.code).toBe(0);
      output = JSON.parse(got.stdout);
      if (output!.jobDetails.status !== 'IN_PROGRESS') break;
    }
    expect(output!.jobDetails.status).toBe('SUCCEEDED');
    expect(
      JSON.parse(output!.generatedPolicyResult.generatedPolicies![0].policy).Statement.flatMap((s: { Action: string[] }) => s.Action),
    ).toEqual(expect.arrayContaining(['iam:GetUser', 'iam:ListGroups']));
    const listed = await awsCli(['accessanalyzer', 'list-policy-generations']);
    expect(JSON.parse(listed.stdout).policyGenerations.map((g: { jobId: string }) => g.jobId)).toContain(jobId);
  });
});

/** A raw request signed for access-analyzer (for what the SDK refuses to send). */
async function signedFetch(method: string, pathname: string, body: string, credentials: Credentials = ADMIN()): Promise<Response> {
  const url = new URL(server.endpoint);
  const request = new HttpRequest({
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: pathname,
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  const signed = await new SignatureV4({ service: 'access-analyzer', region: 'us-east-1', sha256: Sha256, credentials }).sign(request);
  return fetch(`${url.origin}${pathname}`, {
    method,
    headers: signed.headers as Record<string, string>,
    body: method === 'GET' ? undefined : body,
  });
}

const ADMIN = () => server.credentials;

describe('protocol, authorization and audit', () => {
  it('answers the operations Gatehouse does not serve with UnknownOperationException (404), through the SDK and the CLI', async () => {
    const error = await analyzer
      .send(new ListAnalyzersCommand({}))
      .catch((e: { name: string; $metadata: { httpStatusCode: number } }) => e);
    expect((error as { name: string }).name).toBe('UnknownOperationException');
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(404);
    const cli = await awsCli(['accessanalyzer', 'list-analyzers']);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain('UnknownOperationException');
    const unknownPath = await signedFetch('POST', '/no/such/operation', '{}');
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('authorizes access-analyzer:<Operation> like every call, and audits it', async () => {
    const denied = await clientFor(carol)
      .send(new ValidatePolicyCommand({ policyDocument: S3_READ_POLICY, policyType: 'IDENTITY_POLICY' }))
      .catch((e: { name: string; message: string }) => e);
    expect((denied as { name: string }).name).toBe('AccessDeniedException');
    expect((denied as { message: string }).message).toBe(
      `User: arn:aws:iam::${server.accountId}:user/analysts/carol is not authorized to perform: access-analyzer:ValidatePolicy on resource: * because no identity-based policy allows the access-analyzer:ValidatePolicy action`,
    );
    await server.iam.send(
      new PutUserPolicyCommand({
        UserName: 'carol',
        PolicyName: 'validate',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'access-analyzer:ValidatePolicy', Resource: '*' }],
        }),
      }),
    );
    const allowed = await clientFor(carol).send(
      new ValidatePolicyCommand({ policyDocument: S3_READ_POLICY, policyType: 'IDENTITY_POLICY' }),
    );
    expect(allowed.findings).toEqual([]);
    // Generation reads the audit trail: it needs cloudtrail:LookupEvents as well.
    const generation = await clientFor(carol)
      .send(new StartPolicyGenerationCommand({ policyGenerationDetails: { principalArn: `arn:aws:iam::${server.accountId}:user/admin` } }))
      .catch((e: { name: string }) => e);
    expect((generation as { name: string }).name).toBe('AccessDeniedException');

    const unsigned = await fetch(`${server.endpoint}/policy/validation`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');

    const query = { principal: `arn:aws:iam::${server.accountId}:user/analysts/carol`, eventName: 'ValidatePolicy' };
    const events = (await auditRoute(server.endpoint, server.credentials, query)).body.events as {
      eventSource: string;
      errorCode?: string;
    }[];
    expect(events.map((e) => [e.eventSource, e.errorCode ?? 'ok'])).toEqual([
      ['access-analyzer.amazonaws.com', 'ok'],
      ['access-analyzer.amazonaws.com', 'AccessDeniedException'],
    ]);
  });
});

describe('the /aws mount of the console origin', () => {
  it('serves Access Analyzer to SDK clients that sign the /aws path, PUT and GET included', async () => {
    const mount = http.createServer(async (req, res) => {
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
    const client = new AccessAnalyzerClient({
      endpoint: `http://127.0.0.1:${(mount.address() as AddressInfo).port}/aws`,
      region: 'us-east-1',
      credentials: server.credentials,
      maxAttempts: 1,
    });
    try {
      const { findings } = await client.send(
        new ValidatePolicyCommand({ policyDocument: COGNITO_TRUST_POLICY, policyType: 'RESOURCE_POLICY' }),
      );
      expect(findings?.map((f) => f.issueCode)).toEqual([
        'EMPTY_SID_VALUE',
        'MISMATCHED_ACTION_FOR_PRINCIPAL',
        'UNSUPPORTED_ACTION_FOR_CONDITION_KEY',
      ]);
      const { jobId } = await client.send(
        new StartPolicyGenerationCommand({ policyGenerationDetails: { principalArn: `arn:aws:iam::${server.accountId}:user/admin` } }),
      );
      expect((await waitForJob(client, jobId!)).jobDetails?.status).toBe('SUCCEEDED');
    } finally {
      client.destroy();
      mount.closeAllConnections();
      await new Promise<void>((resolve) => mount.close(() => resolve()));
    }
  });
});
