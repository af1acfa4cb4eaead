import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('holds at most twice its limit and keeps entries that are used', () => {
    const cache = new BoundedCache<number, string>(3);
    for (let i = 0; i < 100; i++) {
      cache.set(i, `v${i}`);
      expect(cache.get(0) ?? (cache.set(0, 'v0'), 'v0')).toBe('v0');
      expect(cache.size).toBeLessThanOrEqual(6 + 1);
    }
    // the key read after every insertion was never dropped
    expect(cache.get(0)).toBe('v0');
    // an old key read once in a while ages out
    expect(cache.get(1)).toBeUndefined();
    expect(cache.get(99)).toBe('v99');
  });

  it('moves a hit in the previous generation back into the current one', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3); // a, b now previous
    expect(cache.get('a')).toBe(1); // back into current: c, a
    cache.set('d', 4); // current full: previous = {c, a}, current = {d}
    cache.set('e', 5);
    cache.set('f', 6); // previous = {d, e}: b, c and a dropped unless read
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('e')).toBe(5);
  });
});
