// The audit trail through real clients: CloudTrail-shaped events with secrets hidden, queried through the signed
// GET /_gatehouse/audit route; and service last-accessed reports from real use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  GetUserCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { auditRoute, startServer, type Credentials, type TestServer } from './harness';

let server: TestServer;
let eve: Credentials;
const ACCOUNT = '123456789012';

type Event = Record<string, any>;

/** GETs the audit route signed (SigV4, service iam) with the given credentials. */
function lookup(query: Record<string, string>, credentials: Credentials = server.credentials): Promise<{ status: number; body: any }> {
  return auditRoute(server.endpoint, credentials, query);
}

async function events(query: Record<string, string>): Promise<Event[]> {
  const { status, body } = await lookup(query);
  expect(status).toBe(200);
  return body.events;
}

beforeAll(async () => {
  server = await startServer();
  await server.iam.send(new CreateUserCommand({ UserName: 'eve' }));
  await server.iam.send(new CreateLoginProfileCommand({ UserName: 'eve', Password: 'Very-Secret-Pass-1', PasswordResetRequired: false }));
  const { AccessKey } = await server.iam.send(new CreateAccessKeyCommand({ UserName: 'eve' }));
  eve = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  await server.iam.send(
    new PutUserPolicyCommand({
      UserName: 'eve',
      PolicyName: 'self',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] }),
    }),
  );
});

afterAll(async () => {
  await server?.stop();
});

describe('audit events', () => {
  it('records a successful call as a CloudTrail event with the password hidden', async () => {
    const [event] = await events({ eventName: 'CreateLoginProfile' });
    expect(event).toMatchObject({
      eventVersion: '1.08',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateLoginProfile',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      eventType: 'AwsApiCall',
      readOnly: false,
      recipientAccountId: ACCOUNT,
      userIdentity: {
        type: 'IAMUser',
        arn: `arn:aws:iam::${ACCOUNT}:user/admin`,
        accountId: ACCOUNT,
        accessKeyId: 'test',
        userName: 'admin',
      },
      requestParameters: { userName: 'eve', password: 'HIDDEN_DUE_TO_SECURITY_REASONS', passwordResetRequired: false },
    });
    expect(event.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(event.requestID).toMatch(/.+/);
    expect(event.eventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(event)).not.toContain('Very-Secret-Pass-1');
  });

  it('never records the secret of a new access key', async () => {
    const [event] = await events({ eventName: 'CreateAccessKey' });
    expect(event.responseElements.accessKey).toMatchObject({
      userName: 'eve',
      accessKeyId: eve.accessKeyId,
      secretAccessKey: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    });
    expect(JSON.stringify(event)).not.toContain(eve.secretAccessKey);
  });

  it('records denied and failed calls, filterable by outcome and principal', async () => {
    const client = server.clientFor(eve);
    await client.iam.send(new GetUserCommand({ UserName: 'eve' }));
    await expect(client.iam.send(new ListUsersCommand({}))).rejects.toThrow(/not authorized/);
    await expect(client.iam.send(new GetUserCommand({ UserName: 'nobody' }))).rejects.toThrow(/cannot be found/);
    await client.sts.send(new GetCallerIdentityCommand({}));
    client.iam.destroy();
    client.sts.destroy();

    const mine = await events({ principal: `arn:aws:iam::${ACCOUNT}:user/eve` });
    expect(mine.map((e) => e.eventName)).toEqual(['GetCallerIdentity', 'GetUser', 'ListUsers', 'GetUser']);
    expect(mine[0]).toMatchObject({ eventSource: 'sts.amazonaws.com', readOnly: true, responseElements: null });

    const denied = await events({ outcome: 'denied', principal: `arn:aws:iam::${ACCOUNT}:user/eve` });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ eventName: 'ListUsers', errorCode: 'AccessDenied' });
    expect(denied[0].errorMessage).toContain('because no identity-based policy allows the iam:ListUsers action');

    const failed = await events({ outcome: 'error', principal: `arn:aws:iam::${ACCOUNT}:user/eve` });
    expect(failed.map((e) => e.errorCode)).toEqual(['NoSuchEntity']);
    const ok = await events({ outcome: 'success', principal: `arn:aws:iam::${ACCOUNT}:user/eve` });
    expect(ok.map((e) => e.eventName)).toEqual(['GetCallerIdentity', 'GetUser']);
  });

  it('records a request with an unknown key, with the key it presented', async () => {
    const stranger = server.clientFor({ accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) });
    await expect(stranger.iam.send(new ListUsersCommand({}))).rejects.toThrow();
    stranger.iam.destroy();
    const [event] = await events({ outcome: 'denied', eventName: 'ListUsers', maxResults: '1' });
    expect(event).toMatchObject({
      errorCode: 'InvalidClientTokenId',
      userIdentity: { type: 'Unknown', accessKeyId: 'AKIAUNKNOWNKEY000000' },
    });
  });

  it('pages newest first with maxResults and nextToken, within a time range', async () => {
    const all = await events({ maxResults: '1000' });
    const first = await lookup({ maxResults: '3' });
    expect(first.body.events).toHaveLength(3);
    expect(first.body.nextToken).toBeTypeOf('string');
    const second = await lookup({ maxResults: '3', nextToken: first.body.nextToken });
    expect([...first.body.events, ...second.body.events].map((e: Event) => e.eventID)).toEqual(all.slice(0, 6).map((e) => e.eventID));
    const future = await events({ startTime: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future).toEqual([]);
  });

  it('is authenticated and authorized as cloudtrail:LookupEvents', async () => {
    const unsigned = await fetch(`${server.endpoint}/_gatehouse/audit`);
    expect(unsigned.status).toBe(403);
    expect((await unsigned.json()).error).toBe('MissingAuthenticationToken');
    const denied = await lookup({}, eve);
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      error: 'AccessDenied',
      message: `User: arn:aws:iam::${ACCOUNT}:user/eve is not authorized to perform: cloudtrail:LookupEvents on resource: * because no identity-based policy allows the cloudtrail:LookupEvents action`,
    });
    const bad = await lookup({ outcome: 'maybe' });
    expect(bad.status).toBe(400);
    // A time past what a date can hold is bad input, not a server failure.
    for (const startTime of ['99999999999999999999', '+275760-09-14T00:00:00.001Z', 'yesterday']) {
      expect(await lookup({ startTime }), startTime).toEqual({
        status: 400,
        body: { error: 'InvalidParameterValue', message: 'startTime must be an ISO 8601 date or epoch seconds.' },
      });
    }
  });
});

describe('service last accessed', () => {
  it('reports the services the policies allow, with the last use of each', async () => {
    const { JobId } = await server.iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `arn:aws:iam::${ACCOUNT}:user/eve` }));
    const report = await server.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: JobId! }));
    expect(report.JobStatus).toBe('COMPLETED');
    expect(report.ServicesLastAccessed).toHaveLength(1);
    expect(report.ServicesLastAccessed![0]).toMatchObject({
      ServiceNamespace: 'iam',
      ServiceName: expect.stringContaining('Identity and Access Management'),
      LastAuthenticatedEntity: `arn:aws:iam::${ACCOUNT}:user/eve`,
      LastAuthenticatedRegion: 'us-east-1',
      TotalAuthenticatedEntities: 1,
    });
    expect(report.ServicesLastAccessed![0].LastAuthenticated).toBeInstanceOf(Date);
  });

  it('at action level, lists each IAM action the entity used (or tried) with its latest use', async () => {
    const client = server.clientFor(eve).iam;
    await client.send(new GetUserCommand({}));
    await client.send(new ListUsersCommand({})).catch(() => undefined); // denied: attempts count, as in AWS
    await lookup({}); // the audit route writes what is buffered
    const arn = `arn:aws:iam::${ACCOUNT}:user/eve`;
    const { JobId } = await server.iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn, Granularity: 'ACTION_LEVEL' }));
    const report = await server.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: JobId! }));
    expect(report.JobType).toBe('ACTION_LEVEL');
    const actions = report.ServicesLastAccessed![0].TrackedActionsLastAccessed!;
    expect(actions.map((a) => a.ActionName)).toEqual(['GetUser', 'ListUsers']);
    for (const action of actions) {
      expect(action).toMatchObject({ LastAccessedEntity: arn, LastAccessedRegion: 'us-east-1' });
      expect(action.LastAccessedTime).toBeInstanceOf(Date);
    }
    // A service-level report of the same entity has no action detail.
    const serviceLevel = await server.iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: arn }));
    const plain = await server.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: serviceLevel.JobId! }));
    expect(plain.ServicesLastAccessed![0].TrackedActionsLastAccessed).toBeUndefined();
    client.destroy();
  });

  it('lists services never used without a last-authenticated date', async () => {
    const { JobId } = await server.iam.send(
      new GenerateServiceLastAccessedDetailsCommand({ Arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }),
    );
    const report = await server.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: JobId! }));
    const s3 = report.ServicesLastAccessed!.find((s) => s.ServiceNamespace === 's3');
    expect(s3).toMatchObject({ TotalAuthenticatedEntities: 0 });
    expect(s3?.LastAuthenticated).toBeUndefined();
  });
});
