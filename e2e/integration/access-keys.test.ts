// Access keys through @aws-sdk/client-iam against a running server: the secret once, quotas, status, last use, root keys.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  IAMServiceException,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { newAccessKeyId, newSecretAccessKey } from '../../lib/crypto/ids';
import { errorCode, startServer, type Credentials, type TestServer } from './harness';

let server: TestServer;
let iam: IAMClient;
const clients: IAMClient[] = [];

beforeAll(async () => {
  server = await startServer();
  iam = server.iam;
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop();
});
beforeEach(async () => {
  await server.reset();
});

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as IAMServiceException & { Code?: string };
    return { code: e.Code ?? e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

function clientFor(credentials: Credentials): IAMClient {
  const client = server.clientFor(credentials).iam;
  clients.push(client);
  return client;
}

/**
 * A user with one key, and an IAM client signed with that key. The user joins Administrators (AdministratorAccess)
 * so that its own calls stay authorized once policies are enforced.
 */
async function userWithKey(userName: string) {
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'Administrators', UserName: userName }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { key: AccessKey!, client: clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }) };
}

/** Gives the root user a key pair directly in the store (the API cannot create root's first key). */
async function rootCredentials(): Promise<Credentials> {
  const accessKeyId = newAccessKeyId('123456789012');
  const secretAccessKey = newSecretAccessKey();
  await server.service.store.accessKeys.insert({
    accessKeyId,
    secretEncrypted: server.service.secrets.encrypt(secretAccessKey),
    status: 'Active',
    createDate: new Date().toISOString(),
  });
  return { accessKeyId, secretAccessKey };
}

describe('CreateAccessKey', () => {
  it('returns a 20-character AKIA id and a 40-character secret, stored sealed, usable to sign', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dev' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'Administrators', UserName: 'dev' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'DEV' }));
    expect(AccessKey?.UserName).toBe('dev');
    expect(AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(AccessKey?.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(AccessKey?.Status).toBe('Active');
    expect(AccessKey?.CreateDate).toBeInstanceOf(Date);

    const stored = (await server.service.store.accessKeys.get(AccessKey!.AccessKeyId!))!;
    expect(stored.secretEncrypted).not.toContain(AccessKey!.SecretAccessKey!);
    expect(server.service.secrets.decrypt(stored.secretEncrypted)).toBe(AccessKey!.SecretAccessKey);

    const asDev = clientFor({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! });
    expect((await asDev.send(new GetUserCommand({}))).User!.UserName).toBe('dev');
  });

  it('creates a key for the calling user when no user name is given', async () => {
    const { client } = await userWithKey('self-service');
    const { AccessKey } = await client.send(new CreateAccessKeyCommand({}));
    expect(AccessKey?.UserName).toBe('self-service');
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'self-service' }));
    expect(listed.AccessKeyMetadata!.map((k) => k.AccessKeyId)).toContain(AccessKey!.AccessKeyId);
  });

  it('allows two keys per user, then LimitExceeded', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'two-keys' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }));
    const limit = await failure(iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' })));
    expect(limit).toMatchObject({ code: 'LimitExceeded', status: 409, message: 'Cannot exceed quota for AccessKeysPerUser: 2' });
    // Inactive keys count too; deleting one frees a slot.
    const keys = (await iam.send(new ListAccessKeysCommand({ UserName: 'two-keys' }))).AccessKeyMetadata!;
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'two-keys', AccessKeyId: keys[0].AccessKeyId, Status: 'Inactive' }));
    expect(await errorCode(iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' })))).toBe('LimitExceeded');
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'two-keys', AccessKeyId: keys[0].AccessKeyId }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }));
  });

  it('answers NoSuchEntity for an unknown user', async () => {
    const missing = await failure(iam.send(new CreateAccessKeyCommand({ UserName: 'nobody' })));
    expect(missing).toMatchObject({ code: 'NoSuchEntity', status: 404, message: 'The user with name nobody cannot be found.' });
  });

  it("creates and lists the root user's own keys when root calls without a user name", async () => {
    const root = clientFor(await rootCredentials());
    const { AccessKey } = await root.send(new CreateAccessKeyCommand({}));
    expect(AccessKey?.AccessKeyId).toMatch(/^AKIA/);
    expect(AccessKey?.UserName).toBeUndefined();
    expect((await server.service.store.accessKeys.get(AccessKey!.AccessKeyId!))!.userId).toBeUndefined();

    const listed = await root.send(new ListAccessKeysCommand({}));
    expect(listed.AccessKeyMetadata).toHaveLength(2);
    expect(listed.AccessKeyMetadata!.every((k) => k.UserName === undefined)).toBe(true);
    expect(await errorCode(root.send(new CreateAccessKeyCommand({})))).toBe('LimitExceeded');
    // Root's keys are not any user's keys.
    const admin = await iam.send(new ListAccessKeysCommand({}));
    expect(admin.AccessKeyMetadata!.map((k) => k.AccessKeyId)).toEqual([server.credentials.accessKeyId]);
  });
});

describe('ListAccessKeys', () => {
  it("lists a user's keys oldest first without secrets, in pages", async () => {
    await iam.send(new CreateUserCommand({ UserName: 'lister' }));
    const first = (await iam.send(new CreateAccessKeyCommand({ UserName: 'lister' }))).AccessKey!;
    const second = (await iam.send(new CreateAccessKeyCommand({ UserName: 'lister' }))).AccessKey!;
    const all = await iam.send(new ListAccessKeysCommand({ UserName: 'lister' }));
    expect(all.IsTruncated).toBe(false);
    expect(all.AccessKeyMetadata!.map((k) => k.AccessKeyId)).toEqual([first.AccessKeyId, second.AccessKeyId]);
    expect(all.AccessKeyMetadata![0]).toEqual({
      UserName: 'lister',
      AccessKeyId: first.AccessKeyId,
      Status: 'Active',
      CreateDate: first.CreateDate,
    });
    expect(JSON.stringify(all)).not.toContain(first.SecretAccessKey!);

    const page1 = await iam.send(new ListAccessKeysCommand({ UserName: 'lister', MaxItems: 1 }));
    expect(page1.IsTruncated).toBe(true);
    const page2 = await iam.send(new ListAccessKeysCommand({ UserName: 'lister', MaxItems: 1, Marker: page1.Marker }));
    expect(page2.IsTruncated).toBe(false);
    expect([...page1.AccessKeyMetadata!, ...page2.AccessKeyMetadata!].map((k) => k.AccessKeyId)).toEqual([
      first.AccessKeyId,
      second.AccessKeyId,
    ]);
  });

  it("lists the caller's keys without a user name, and nothing for a user without keys", async () => {
    const own = await iam.send(new ListAccessKeysCommand({}));
    expect(own.AccessKeyMetadata).toEqual([expect.objectContaining({ UserName: 'admin', AccessKeyId: 'test', Status: 'Active' })]);
    await iam.send(new CreateUserCommand({ UserName: 'keyless' }));
    expect((await iam.send(new ListAccessKeysCommand({ UserName: 'keyless' }))).AccessKeyMetadata).toEqual([]);
    expect(await errorCode(iam.send(new ListAccessKeysCommand({ UserName: 'nobody' })))).toBe('NoSuchEntity');
  });
});

describe('UpdateAccessKey and DeleteAccessKey', () => {
  it('deactivates a key (which then no longer signs requests) and reactivates it', async () => {
    const { key, client } = await userWithKey('toggler');
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'toggler', AccessKeyId: key.AccessKeyId, Status: 'Inactive' }));
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'toggler' }));
    expect(listed.AccessKeyMetadata![0].Status).toBe('Inactive');
    expect(await errorCode(client.send(new GetUserCommand({})))).toBe('InvalidClientTokenId');
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'toggler', AccessKeyId: key.AccessKeyId, Status: 'Active' }));
    expect((await client.send(new GetUserCommand({}))).User!.UserName).toBe('toggler');
  });

  it("updates and deletes the caller's own key without a user name", async () => {
    const { client } = await userWithKey('self');
    const spare = (await client.send(new CreateAccessKeyCommand({}))).AccessKey!;
    await client.send(new UpdateAccessKeyCommand({ AccessKeyId: spare.AccessKeyId, Status: 'Inactive' }));
    expect((await server.service.store.accessKeys.get(spare.AccessKeyId!))!.status).toBe('Inactive');
    await client.send(new DeleteAccessKeyCommand({ AccessKeyId: spare.AccessKeyId }));
    expect(await server.service.store.accessKeys.get(spare.AccessKeyId!)).toBeUndefined();
  });

  it("answers NoSuchEntity for a key that is not the user's, an unknown key or an unknown user", async () => {
    const { key } = await userWithKey('owner');
    await iam.send(new CreateUserCommand({ UserName: 'other' }));
    const wrongOwner = await failure(
      iam.send(new UpdateAccessKeyCommand({ UserName: 'other', AccessKeyId: key.AccessKeyId, Status: 'Inactive' })),
    );
    expect(wrongOwner).toMatchObject({
      code: 'NoSuchEntity',
      status: 404,
      message: `The Access Key with id ${key.AccessKeyId} cannot be found.`,
    });
    expect(await errorCode(iam.send(new DeleteAccessKeyCommand({ UserName: 'other', AccessKeyId: key.AccessKeyId })))).toBe('NoSuchEntity');
    // Without a user name the key must be the caller's (admin's), which it is not.
    expect(await errorCode(iam.send(new DeleteAccessKeyCommand({ AccessKeyId: key.AccessKeyId })))).toBe('NoSuchEntity');
    expect(await errorCode(iam.send(new DeleteAccessKeyCommand({ UserName: 'nobody', AccessKeyId: key.AccessKeyId })))).toBe(
      'NoSuchEntity',
    );
    expect((await server.service.store.accessKeys.get(key.AccessKeyId!))!.status).toBe('Active');

    await iam.send(new DeleteAccessKeyCommand({ UserName: 'owner', AccessKeyId: key.AccessKeyId }));
    expect(await errorCode(iam.send(new DeleteAccessKeyCommand({ UserName: 'owner', AccessKeyId: key.AccessKeyId })))).toBe('NoSuchEntity');
    expect(
      await errorCode(iam.send(new UpdateAccessKeyCommand({ UserName: 'owner', AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA', Status: 'Active' }))),
    ).toBe('NoSuchEntity');
  });

  it('rejects a status outside Active/Inactive', async () => {
    const { key } = await userWithKey('status');
    expect(
      await errorCode(
        iam.send(new UpdateAccessKeyCommand({ UserName: 'status', AccessKeyId: key.AccessKeyId, Status: 'Expired' as 'Active' })),
      ),
    ).toBe('ValidationError');
  });
});

describe('GetAccessKeyLastUsed', () => {
  it("reports N/A for a key never used, and the key's owner", async () => {
    await iam.send(new CreateUserCommand({ UserName: 'idle' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'idle' }))).AccessKey!;
    const result = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
    expect(result.UserName).toBe('idle');
    expect(result.AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });
  });

  it('reports the date, service and region of the last use', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'busy' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'busy' }))).AccessKey!;
    await server.service.store.accessKeys.recordUse(key.AccessKeyId!, '2026-03-04T05:06:07.000Z', 'iam', 'us-east-1');
    const result = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
    expect(result.UserName).toBe('busy');
    expect(result.AccessKeyLastUsed).toEqual({
      LastUsedDate: new Date('2026-03-04T05:06:07.000Z'),
      ServiceName: 'iam',
      Region: 'us-east-1',
    });
  });

  it('records the use of a key that signs a request', async () => {
    const { key, client } = await userWithKey('signer');
    const before = Date.now() - 1000;
    await client.send(new ListAccessKeysCommand({}));
    const result = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
    expect(result.UserName).toBe('signer');
    expect(result.AccessKeyLastUsed).toMatchObject({ ServiceName: 'iam', Region: 'us-east-1' });
    expect(result.AccessKeyLastUsed!.LastUsedDate!.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('answers NoSuchEntity for an unknown key', async () => {
    expect(await errorCode(iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' })))).toBe('NoSuchEntity');
  });
});
