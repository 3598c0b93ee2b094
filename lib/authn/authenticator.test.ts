// The authenticator in process: long-term keys of users and root, sessions (token, expiry), last-use records,
// and invalidation of its caches after writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { loadConfig } from '../config';
import { createService, type Service } from '../service/create-service';
import { rootPrincipal } from '../core/context';
import { AwsError } from '../core/errors';
import type { RequestInfo } from '../core/pipeline';
import type { WireRequest } from '../core/wire';
import { createAuthenticator } from './authenticator';
import { issueSession } from './issue-session';

let service: Service;
let dataDir: string;
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-authn-'));
  const config = loadConfig({
    GATEHOUSE_DATA_DIR: dataDir,
    GATEHOUSE_ACCOUNT_ID: '123456789012',
    GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'AKIAADMINADMINADMIN1',
    GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'admin-secret',
    GATEHOUSE_DEMO: '0',
  });
  service = await createService(config);
});
afterAll(async () => {
  await service.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signed(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  signingDate = new Date(),
  service: 'iam' | 'sts' = 'sts',
): Promise<WireRequest> {
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service, sha256: Sha256 });
  const request = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: 'localhost',
      path: '/',
      headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: BODY,
    },
    { signingDate },
  );
  return {
    method: 'POST',
    path: '/',
    query: '',
    headers: request.headers as Record<string, string>,
    body: BODY,
    sourceIp: '127.0.0.1',
    secure: false,
  };
}

function info(request: WireRequest, now = new Date(), action = 'GetCallerIdentity', service: 'iam' | 'sts' = 'sts'): RequestInfo {
  return { request, params: new Map(), service, action, requestId: 'test', now };
}

async function failure(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return error instanceof AwsError ? error.code : `unexpected: ${String(error)}`;
  }
  return 'ok';
}

describe('authenticator', () => {
  it('maps the admin key to its user, records the key last use once a minute', async () => {
    const authenticator = createAuthenticator(service);
    const principal = await authenticator.authenticate(
      info(await signed({ accessKeyId: 'AKIAADMINADMINADMIN1', secretAccessKey: 'admin-secret' })),
    );
    expect(principal).toMatchObject({
      type: 'IAMUser',
      userName: 'admin',
      accessKeyId: 'AKIAADMINADMINADMIN1',
      arn: 'arn:aws:iam::123456789012:user/admin',
    });
    const first = (await service.store.accessKeys.get('AKIAADMINADMINADMIN1'))!.lastUsedDate;
    expect(first).toBeDefined();
    await authenticator.authenticate(info(await signed({ accessKeyId: 'AKIAADMINADMINADMIN1', secretAccessKey: 'admin-secret' })));
    expect((await service.store.accessKeys.get('AKIAADMINADMINADMIN1'))!.lastUsedDate).toBe(first);
  });

  it('answers MissingAuthenticationToken, InvalidClientTokenId and SignatureDoesNotMatch', async () => {
    const authenticator = createAuthenticator(service);
    const request = await signed({ accessKeyId: 'AKIAADMINADMINADMIN1', secretAccessKey: 'admin-secret' });
    const { authorization: _a, ...unsignedHeaders } = request.headers;
    expect(await failure(() => authenticator.authenticate(info({ ...request, headers: unsignedHeaders })))).toBe(
      'MissingAuthenticationToken',
    );
    const unknown = await signed({ accessKeyId: 'AKIANOSUCHKEY0000000', secretAccessKey: 'x' });
    expect(await failure(() => authenticator.authenticate(info(unknown)))).toBe('InvalidClientTokenId');
    const wrong = await signed({ accessKeyId: 'AKIAADMINADMINADMIN1', secretAccessKey: 'not-the-secret' });
    expect(await failure(() => authenticator.authenticate(info(wrong)))).toBe('SignatureDoesNotMatch');
  });

  it('reuses a key read for a store that returns a new account record each time (PostgreSQL), until the account is created anew', async () => {
    /** A view of `target` with some members replaced; methods keep their receiver. */
    const overriding = <T extends object>(target: T, members: Record<string, unknown>): T =>
      new Proxy(target, {
        get(object, property) {
          if (typeof property === 'string' && property in members) return members[property];
          const value: unknown = Reflect.get(object, property);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
        },
      });
    let keyReads = 0;
    const reset: { createDate?: string } = {};
    const account = overriding(service.store.account, {
      get: async () => {
        const record = (await service.store.account.get())!;
        return { ...record, createDate: reset.createDate ?? record.createDate };
      },
    });
    const accessKeys = overriding(service.store.accessKeys, {
      get: (id: string) => {
        keyReads++;
        return service.store.accessKeys.get(id);
      },
    });
    const store = overriding(service.store, { account, accessKeys });
    const authenticator = createAuthenticator({ store, secrets: service.secrets, config: service.config });
    const admin = { accessKeyId: 'AKIAADMINADMINADMIN1', secretAccessKey: 'admin-secret' };
    for (let i = 0; i < 3; i++) await authenticator.authenticate(info(await signed(admin)));
    expect(keyReads).toBe(1);
    // A reset creates the account anew: the key is read again.
    reset.createDate = new Date(Date.now() + 1000).toISOString();
    await authenticator.authenticate(info(await signed(admin)));
    expect(keyReads).toBe(2);
  });

  it('records a key use again after a failed group commit undid the last one', async () => {
    let rolledBack: (() => void) | undefined;
    let recorded = 0;
    const accessKeys = new Proxy(service.store.accessKeys, {
      get(object, property) {
        if (property === 'recordUse')
          return (...args: Parameters<typeof object.recordUse>) => {
            recorded++;
            return object.recordUse(...args);
          };
        const value: unknown = Reflect.get(object, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
      },
    });
    const store = new Proxy(service.store, {
      get(object, property) {
        if (property === 'accessKeys') return accessKeys;
        if (property === 'onRollback') return (listener: () => void) => (rolledBack = listener);
        const value: unknown = Reflect.get(object, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
      },
    });
    const authenticator = createAuthenticator({ store, secrets: service.secrets, config: service.config });
    const admin = { accessKeyId: 'AKIAADMINADMINADMIN1', secretAccessKey: 'admin-secret' };
    await authenticator.authenticate(info(await signed(admin)));
    await authenticator.authenticate(info(await signed(admin)));
    expect(recorded).toBe(1); // once a minute
    rolledBack!();
    await authenticator.authenticate(info(await signed(admin)));
    expect(recorded).toBe(2);
  });

  it('sees a key deactivated by an IAM write on the very next request', async () => {
    const authenticator = createAuthenticator(service);
    const admin = { accessKeyId: 'AKIAADMINADMINADMIN1', secretAccessKey: 'admin-secret' };
    await authenticator.authenticate(info(await signed(admin)));
    // An IAM write request passes through the authenticator, then its operation changes the key.
    await authenticator.authenticate(info(await signed(admin, new Date(), 'iam'), new Date(), 'UpdateAccessKey', 'iam'));
    await service.store.accessKeys.setStatus('AKIAADMINADMINADMIN1', 'Inactive');
    try {
      const next = await signed(admin);
      expect(await failure(() => authenticator.authenticate(info(next)))).toBe('InvalidClientTokenId');
    } finally {
      await service.store.accessKeys.setStatus('AKIAADMINADMINADMIN1', 'Active');
    }
  });

  it('authenticates sessions with their token until they expire', async () => {
    const authenticator = createAuthenticator(service);
    const now = new Date();
    const { credentials } = await service.store.transaction(() => issueSession(service, rootPrincipal('123456789012'), now, 900));
    const creds = {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
    };
    const principal = await authenticator.authenticate(info(await signed(creds, now), now));
    expect(principal).toMatchObject({ type: 'Root', temporary: true, accessKeyId: credentials.AccessKeyId });
    expect(principal.tokenIssueTime).toBeInstanceOf(Date);

    const later = new Date(now.getTime() + 901_000);
    const lateRequest = await signed(creds, later);
    expect(await failure(() => authenticator.authenticate(info(lateRequest, later)))).toBe('ExpiredToken');
    const forged = await signed({ ...creds, sessionToken: credentials.SessionToken + 'x' }, now);
    expect(await failure(() => authenticator.authenticate(info(forged, now)))).toBe('InvalidClientTokenId');
  });
});
