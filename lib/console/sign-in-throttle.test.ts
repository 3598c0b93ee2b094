// Repeated failed sign-ins are slowed down, and a success clears the record.
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { SignInThrottle } = await import('./sign-in-throttle');

describe('SignInThrottle', () => {
  it('lets the first failures through, then locks out for growing periods', () => {
    let now = 1_000_000;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < 4; i++) throttle.fail('k');
    expect(throttle.retryAfterSeconds('k')).toBe(0);
    throttle.fail('k');
    expect(throttle.retryAfterSeconds('k')).toBe(1);
    throttle.fail('k');
    expect(throttle.retryAfterSeconds('k')).toBe(2);
    now += 2000;
    expect(throttle.retryAfterSeconds('k')).toBe(0);
    expect(throttle.retryAfterSeconds('other')).toBe(0);
  });

  it('forgets a key after a success', () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < 6; i++) throttle.fail('k');
    throttle.succeed('k');
    expect(throttle.retryAfterSeconds('k')).toBe(0);
  });
});
