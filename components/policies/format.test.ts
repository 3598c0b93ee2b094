import { describe, expect, it } from 'vitest';
import { validatePolicy } from '@/lib/policy';
import { STARTER_POLICY, formatDate } from './format';

describe('STARTER_POLICY', () => {
  it('is a policy the editor finds nothing wrong with (Create policy opens without errors)', () => {
    expect(validatePolicy(STARTER_POLICY, { policyType: 'identity' })).toEqual([]);
  });
});

describe('formatDate', () => {
  it('shows UTC whatever the time zone', () => {
    expect(formatDate('2026-11-27T22:10:33.000Z')).toBe('2026-11-27 22:10 UTC');
    expect(formatDate(undefined)).toBe('—');
  });
});
