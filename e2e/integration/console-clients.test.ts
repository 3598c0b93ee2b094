// The console's SDK clients (lib/console/clients.ts) against a running server: each carries the browser's address
// of the request being served, so aws:SourceIp conditions meet the browser's address and not the console's. The
// server trusts the console as a proxy (GATEHOUSE_TRUSTED_PROXIES), as an endpoint the console relays to does.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ValidatePolicyCommand } from '@aws-sdk/client-accessanalyzer';
import { CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CLIENT_STAMP_HEADER, stampClient } from '../../lib/service/client-stamp';
import { errorCode, startServer, type Credentials, type TestServer } from './harness';

vi.mock('server-only', () => ({}));
/** The browser request being served: its stamp, as this process (the console) put it on arrival. */
let browserStamp: string | undefined;
vi.mock('next/headers', () => ({
  headers: async () => new Headers(browserStamp ? { [CLIENT_STAMP_HEADER]: browserStamp } : {}),
}));

const { analyzerClientFor, iamClientFor } = await import('../../lib/console/clients');

let server: TestServer;
let credentials: Credentials;
const BROWSER = '192.0.2.2';

beforeAll(async () => {
  server = await startServer({ env: { GATEHOUSE_TRUSTED_PROXIES: '127.0.0.1' } });
  await server.iam.send(new CreateUserCommand({ UserName: 'from-the-office' }));
  await server.iam.send(
    new PutUserPolicyCommand({
      UserName: 'from-the-office',
      PolicyName: 'office-only',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['access-analyzer:ValidatePolicy', 'iam:GetUser'],
            Resource: '*',
            Condition: { IpAddress: { 'aws:SourceIp': `${BROWSER}/32` } },
          },
        ],
      }),
    }),
  );
  const key = (await server.iam.send(new CreateAccessKeyCommand({ UserName: 'from-the-office' }))).AccessKey!;
  credentials = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
});
afterAll(async () => {
  browserStamp = undefined;
  await server.stop();
});

const validate = () =>
  analyzerClientFor(credentials, { kind: 'endpoint', endpoint: server.endpoint }).send(
    new ValidatePolicyCommand({
      policyType: 'IDENTITY_POLICY',
      policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
    }),
  );
const getUser = () => iamClientFor(credentials, { kind: 'endpoint', endpoint: server.endpoint }).send(new GetUserCommand({}));

describe('console clients', () => {
  it("call Access Analyzer and IAM with the browser's address as aws:SourceIp", async () => {
    browserStamp = stampClient({ sourceIp: BROWSER, secure: false });
    expect((await validate()).findings).toBeDefined();
    expect((await getUser()).User?.UserName).toBe('from-the-office');
  });

  it("do not pass as the browser's address when the browser is elsewhere, nor the console's own address", async () => {
    browserStamp = stampClient({ sourceIp: '198.51.100.9', secure: false });
    expect(await errorCode(validate())).toBe('AccessDeniedException');
    expect(await errorCode(getUser())).toBe('AccessDenied');
    // A stamp this process did not sign relays nothing: the call carries the console's own address.
    browserStamp = `${BROWSER} http ${Date.now() + 60_000} forged`;
    expect(await errorCode(validate())).toBe('AccessDeniedException');
  });
});
