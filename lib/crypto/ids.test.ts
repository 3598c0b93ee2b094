// Identifiers: AWS's formats, and no repeats across pool refills.
import { describe, expect, it } from 'vitest';
import { accountIdOfAccessKeyId, newAccessKeyId, newSecretAccessKey, newTimeOrderedUuid, newUniqueId } from './ids';

describe('ids', () => {
  it('have AWS formats', () => {
    expect(newUniqueId('AIDA')).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(newAccessKeyId('123456789012')).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(newAccessKeyId('123456789012', true)).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(newSecretAccessKey()).toMatch(/^[A-Za-z0-9+/]{40}$/);
  });

  it('never repeat, across many refills of the random pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(newUniqueId('AROA')).add(newSecretAccessKey());
    expect(seen.size).toBe(40_000);
  });

  it('use every character of the alphabet about equally', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2_000; i++) for (const c of newUniqueId('AIDA').slice(4)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 34,000 characters over 32 symbols: ≈1,062 each; a biased draw would be far off.
    for (const n of counts.values()) expect(n).toBeGreaterThan(850);
  });

  it('time-ordered UUIDs are version 7, sort by time, and differ within a millisecond', () => {
    const t = Date.UTC(2026, 10, 28, 1, 2, 3, 4);
    const early = newTimeOrderedUuid(t);
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(early.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
    expect(newTimeOrderedUuid(t)).not.toBe(early);
    expect(newTimeOrderedUuid(t + 1) > early).toBe(true);
  });

  it('access key ids carry their account as AWS encodes it', () => {
    // An AWS session key id and its account, as GetAccessKeyInfo answers for it.
    expect(accountIdOfAccessKeyId('ASIAY34FZKBOKMUTVV7A')).toBe('609629065308');
    for (const account of ['123456789012', '000000000001', '999999999999']) {
      for (let i = 0; i < 50; i++) {
        expect(accountIdOfAccessKeyId(newAccessKeyId(account))).toBe(account);
        expect(accountIdOfAccessKeyId(newAccessKeyId(account, true))).toBe(account);
      }
    }
    expect(accountIdOfAccessKeyId('test')).toBeUndefined();
    expect(accountIdOfAccessKeyId('AKIA1234567890123456')).toBeUndefined();
  });
});
