// The console's target: embedded by default, real AWS with "aws", any http(s) URL otherwise.
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { parseConsoleEnv } = await import('./env');

describe('parseConsoleEnv', () => {
  it('targets the embedded endpoint on the console port by default', () => {
    const env = parseConsoleEnv({ PORT: '3100' });
    expect(env.target).toEqual({ kind: 'embedded', endpoint: 'http://127.0.0.1:3100/aws' });
    expect(env.region).toBe('us-east-1');
    expect(env.nextAuthUrl).toBe('http://localhost:3100');
  });

  it('targets real AWS with "aws" and any URL otherwise', () => {
    expect(parseConsoleEnv({ GATEHOUSE_IAM_ENDPOINT: 'aws' }).target).toEqual({ kind: 'aws' });
    expect(parseConsoleEnv({ GATEHOUSE_IAM_ENDPOINT: 'http://iam.local:4610/' }).target).toEqual({
      kind: 'endpoint',
      endpoint: 'http://iam.local:4610',
    });
    expect(() => parseConsoleEnv({ GATEHOUSE_IAM_ENDPOINT: 'ftp://x' })).toThrow(/GATEHOUSE_IAM_ENDPOINT/);
  });

  it('takes the session secret from NEXTAUTH_SECRET when set', () => {
    expect(parseConsoleEnv({ NEXTAUTH_SECRET: 'k'.repeat(32) }).nextAuthSecret).toBe('k'.repeat(32));
    expect(parseConsoleEnv({}).nextAuthSecret).toBeUndefined();
  });

  it('checks the variables the service shares with it', () => {
    expect(() => parseConsoleEnv({ GATEHOUSE_REGION: '' })).toThrow(/^Invalid console configuration: GATEHOUSE_REGION/);
  });
});
