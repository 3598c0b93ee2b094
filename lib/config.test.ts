// The one environment schema: defaults that need nothing, every invalid variable named.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, managedPolicyCatalogueLocations, parseEnvironment } from './config';

describe('the environment', () => {
  it('needs nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      dataDir: path.resolve('.gatehouse'),
      region: 'us-east-1',
      demo: true,
      allowReset: false,
      auditRetentionDays: 90,
      maxBodyBytes: 1048576,
    });
    expect(parseEnvironment({})).toMatchObject({ PORT: 3000, GATEHOUSE_CONSOLE_SESSION_SECONDS: 43200 });
  });

  it('names every invalid variable at once', () => {
    expect(() => loadConfig({ GATEHOUSE_ACCOUNT_ID: '12', GATEHOUSE_MAX_BODY_BYTES: '-1' })).toThrow(
      /^Invalid Gatehouse configuration: GATEHOUSE_ACCOUNT_ID: GATEHOUSE_ACCOUNT_ID must be 12 digits; GATEHOUSE_MAX_BODY_BYTES: /,
    );
    expect(() => parseEnvironment({ GATEHOUSE_CONSOLE_SESSION_SECONDS: 'soon' }, 'console configuration')).toThrow(
      /^Invalid console configuration: GATEHOUSE_CONSOLE_SESSION_SECONDS/,
    );
  });

  it('bounds what unauthenticated requests hold: buffered body bytes and the time to send a request', () => {
    expect(loadConfig({})).toMatchObject({ maxBufferedBodyBytes: 64 * 1024 * 1024, requestTimeoutMs: 30_000 });
    expect(loadConfig({ GATEHOUSE_MAX_BUFFERED_BODY_BYTES: '1000', GATEHOUSE_REQUEST_TIMEOUT_SECONDS: '2' })).toMatchObject({
      maxBufferedBodyBytes: 1000,
      requestTimeoutMs: 2000,
    });
    expect(() => loadConfig({ GATEHOUSE_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/GATEHOUSE_REQUEST_TIMEOUT_SECONDS/);
  });

  it('reads flags as on unless empty, 0 or false', () => {
    expect(loadConfig({ GATEHOUSE_ALLOW_RESET: '1' }).allowReset).toBe(true);
    expect(loadConfig({ GATEHOUSE_ALLOW_RESET: 'false' }).allowReset).toBe(false);
    expect(loadConfig({ GATEHOUSE_DEMO: '0' }).demo).toBe(false);
  });

  it('treats a blank NEXTAUTH_SECRET as unset', () => {
    expect(parseEnvironment({ NEXTAUTH_SECRET: '  ' }).NEXTAUTH_SECRET).toBeUndefined();
    expect(parseEnvironment({ NEXTAUTH_SECRET: ` ${'k'.repeat(32)} ` }).NEXTAUTH_SECRET).toBe('k'.repeat(32));
  });

  it('refuses a NEXTAUTH_SECRET shorter than 32 characters, saying so', () => {
    for (const secret of ['s3cret', 'k'.repeat(31), ` ${'k'.repeat(31)} `])
      expect(() => parseEnvironment({ NEXTAUTH_SECRET: secret })).toThrow(
        'Invalid Gatehouse configuration: NEXTAUTH_SECRET: must be at least 32 characters (e.g. `openssl rand -base64 32`)',
      );
  });

  it('gives the managed-policy catalogue its locations', () => {
    expect(managedPolicyCatalogueLocations({ GATEHOUSE_CACHE_DIR: '/tmp/c' })).toEqual({ dataFile: undefined, cacheDir: '/tmp/c' });
  });
});
