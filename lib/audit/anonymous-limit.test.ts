// Unauthenticated requests write at most a bounded number of audit events per minute.
import { describe, expect, it } from 'vitest';
import { AnonymousEventLimit } from './anonymous-limit';

describe('AnonymousEventLimit', () => {
  it('admits a few events per address and in total each minute, and reports what it dropped', () => {
    const reports: number[] = [];
    const limit = new AnonymousEventLimit({ perAddressPerMinute: 3, totalPerMinute: 5 }, (dropped) => reports.push(dropped));
    const t = 1_000_000;
    expect([1, 2, 3, 4].map(() => limit.admit('192.0.2.1', t))).toEqual([true, true, true, false]);
    expect([1, 2, 3].map(() => limit.admit('192.0.2.2', t + 10))).toEqual([true, true, false]);
    expect(limit.admit('192.0.2.3', t + 20)).toBe(false);
    expect(reports).toEqual([]);
    expect(limit.admit('192.0.2.1', t + 60_000)).toBe(true);
    expect(reports).toEqual([3]);
  });
});
