// A console session ends with its credentials or at the console limit, whichever comes first.
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { claimsOf, isExpired, sessionExpiresAt } = await import('./session-token');

describe('sessionExpiresAt', () => {
  const keys = { accessKeyId: 'AKIA', secretAccessKey: 's' };
  it('ends at the console limit for long-term keys', () => {
    expect(sessionExpiresAt(1000, keys, 3600)).toBe(4600);
  });
  it('ends with the credentials when they expire first', () => {
    const expiration = new Date(2000 * 1000).toISOString();
    expect(sessionExpiresAt(1000, { ...keys, expiration }, 3600)).toBe(2000);
  });
});

describe('claimsOf / isExpired', () => {
  it('rejects tokens without the console claims and recognises expiry', () => {
    expect(claimsOf({ sub: 'x' })).toBeUndefined();
    const claims = claimsOf({
      gh: {
        method: 'root',
        principal: { arn: 'arn:aws:iam::1:root' },
        credentials: { accessKeyId: 'A' },
        expiresAt: 100,
        signedInAt: 0,
        passwordResetRequired: false,
      },
    })!;
    expect(isExpired(claims, 99)).toBe(false);
    expect(isExpired(claims, 100)).toBe(true);
  });
});
