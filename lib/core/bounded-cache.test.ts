import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('never holds more than its limit, however many distinct keys arrive', () => {
    const cache = new BoundedCache<string, number>(100);
    for (let i = 0; i < 10_000; i++) cache.set(`key-${i}`, i);
    expect(cache.size).toBe(100);
    expect(cache.get('key-9999')).toBe(9999);
    expect(cache.get('key-0')).toBeUndefined();
  });

  it('drops the least recently used entry first, so a key in use survives a stream of new ones', () => {
    const cache = new BoundedCache<string, number>(3);
    cache.set('hot', 1);
    for (let i = 0; i < 10; i++) {
      expect(cache.get('hot')).toBe(1);
      cache.set(`cold-${i}`, i);
    }
    expect(cache.has('hot')).toBe(true);
    expect(cache.size).toBe(3);
  });
});
