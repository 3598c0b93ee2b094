import { describe, expect, it } from 'vitest';
import { formatTime } from './time';

describe('formatTime', () => {
  it('shows UTC to the minute, or to the second when asked', () => {
    expect(formatTime('2026-11-27T22:10:33.123Z')).toBe('2026-11-27 22:10 UTC');
    expect(formatTime('2026-11-27T22:10:33.123Z', { seconds: true })).toBe('2026-11-27 22:10:33 UTC');
  });
  it('reads offsets, epoch milliseconds and Dates into UTC', () => {
    expect(formatTime('2026-11-28T00:10:00+02:00')).toBe('2026-11-27 22:10 UTC');
    expect(formatTime(Date.UTC(2026, 10, 27, 22, 10))).toBe('2026-11-27 22:10 UTC');
    expect(formatTime(new Date(Date.UTC(2026, 10, 27, 22, 10)))).toBe('2026-11-27 22:10 UTC');
  });
  it('shows a dash for nothing or nonsense', () => {
    expect(formatTime(undefined)).toBe('—');
    expect(formatTime('')).toBe('—');
    expect(formatTime('not a date')).toBe('—');
  });
});
