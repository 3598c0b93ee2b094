// The sign-in limits: a guesser is slowed wherever they are; the right password from the user's own address is not.
import { describe, expect, it } from 'vitest';
import { memorySignInAttempts, SignInLimiter } from './sign-in-limits';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe('SignInLimiter', () => {
  it('holds back one user from one address after 5 failures, doubling, while other addresses are not', async () => {
    const limiter = new SignInLimiter(memorySignInAttempts());
    const attacker = { identity: 'user:1:alice', address: '192.0.2.1' };
    for (let i = 0; i < 4; i++) await limiter.recordFailure(attacker, at(0));
    expect(await limiter.retryAfterSeconds(attacker, at(0))).toBe(0);
    await limiter.recordFailure(attacker, at(0));
    expect(await limiter.retryAfterSeconds(attacker, at(0))).toBe(30);
    await limiter.recordFailure(attacker, at(31));
    expect(await limiter.retryAfterSeconds(attacker, at(31))).toBe(60);
    expect(await limiter.retryAfterSeconds({ identity: 'user:1:alice', address: '198.51.100.1' }, at(31))).toBe(0);
  });

  it('holds back an address after 20 failures whatever names it tries', async () => {
    const limiter = new SignInLimiter(memorySignInAttempts());
    for (let i = 0; i < 20; i++) await limiter.recordFailure({ identity: `user:1:name-${i}`, address: '192.0.2.2' }, at(i));
    expect(await limiter.retryAfterSeconds({ identity: 'user:1:someone-new', address: '192.0.2.2' }, at(20))).toBeGreaterThan(0);
  });

  it('slows a user-wide guesser by at most a minute, and never an address the user signed in from', async () => {
    const limiter = new SignInLimiter(memorySignInAttempts());
    const home = { identity: 'user:1:bob', address: '198.51.100.7' };
    await limiter.recordSuccess(home, at(0));
    for (let i = 0; i < 30; i++) await limiter.recordFailure({ identity: 'user:1:bob', address: `192.0.2.${i}` }, at(10));
    const stranger = await limiter.retryAfterSeconds({ identity: 'user:1:bob', address: '203.0.113.1' }, at(10));
    expect(stranger).toBeGreaterThan(0);
    expect(stranger).toBeLessThanOrEqual(60);
    expect(await limiter.retryAfterSeconds(home, at(10))).toBe(0);
  });

  it('forgets failures after an hour, and keeps memory bounded', async () => {
    const memory = memorySignInAttempts(10, () => at(7200).getTime());
    const limiter = new SignInLimiter(memory);
    const key = { identity: 'access-key:AKIAEXAMPLE', address: '192.0.2.9' };
    for (let i = 0; i < 5; i++) await limiter.recordFailure(key, at(0));
    expect(await limiter.retryAfterSeconds(key, at(3700))).toBe(0);
    await limiter.recordFailure(key, at(3700));
    expect(await limiter.retryAfterSeconds(key, at(3700))).toBe(0);
    for (let i = 0; i < 50; i++) await limiter.recordFailure({ identity: `access-key:K${i}`, address: `192.0.2.${i}` }, at(7200));
    expect(await memory.signInAttempts.get(`ip:192.0.2.49`)).toBeDefined();
  });

  it('reserves attempts made at once exactly like attempts made one after another', async () => {
    const limiter = new SignInLimiter(memorySignInAttempts());
    const key = { identity: 'user:1:carol', address: '192.0.2.10' };
    const waits = await Promise.all(Array.from({ length: 30 }, () => limiter.reserve(key, at(0))));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    expect(waits.filter((wait) => wait === 30)).toHaveLength(25);
    // The refused attempts were not counted: the next lockout is the sixth failure's.
    expect(await limiter.reserve(key, at(31))).toBe(0);
    expect(await limiter.retryAfterSeconds(key, at(31))).toBe(60);
  });

  it('takes back a released reservation, lockout included, and keeps a reservation never released', async () => {
    const memory = memorySignInAttempts();
    const limiter = new SignInLimiter(memory);
    const key = { identity: 'user:1:dan', address: '192.0.2.11' };
    for (let i = 0; i < 4; i++) await limiter.recordFailure(key, at(0));
    expect(await limiter.reserve(key, at(0))).toBe(0);
    expect(await limiter.retryAfterSeconds(key, at(0))).toBe(30);
    await limiter.release(key, at(0));
    expect(await limiter.retryAfterSeconds(key, at(0))).toBe(0);
    expect((await memory.signInAttempts.get(`ip:${key.address}`))?.failures).toBe(4);
    expect(await limiter.reserve(key, at(0))).toBe(0);
    expect(await limiter.retryAfterSeconds(key, at(0))).toBe(30);
    // A lone reservation released leaves nothing behind.
    const other = { identity: 'user:1:erin', address: '192.0.2.12' };
    await limiter.reserve(other, at(0));
    await limiter.release(other, at(0));
    expect(await memory.signInAttempts.get(`ip:${other.address}`)).toBeUndefined();
    expect(await memory.signInAttempts.get(other.identity)).toBeUndefined();
  });

  it('holds a user-wide guesser spread over fresh addresses to one attempt per lockout, even in bursts', async () => {
    const limiter = new SignInLimiter(memorySignInAttempts());
    const burst = (second: number, from: number) =>
      Promise.all(
        Array.from({ length: 30 }, (_, i) => limiter.reserve({ identity: 'user:1:frank', address: `10.0.${from}.${i}` }, at(second))),
      );
    expect((await burst(0, 1)).filter((wait) => wait === 0)).toHaveLength(10);
    expect((await burst(0, 2)).filter((wait) => wait === 0)).toHaveLength(0);
    expect((await burst(61, 3)).filter((wait) => wait === 0)).toHaveLength(1);
  });
});
