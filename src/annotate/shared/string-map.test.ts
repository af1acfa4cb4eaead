import { describe, expect, it } from 'vitest';
import { PackedStringMap } from './string-map.js';

describe('PackedStringMap', () => {
  it('finds every key with its value, and nothing else, as a Map of the same entries', () => {
    // keys that share prefixes, differ only in length or case, and lie outside the BMP
    const entries: [string, string][] = [
      ['a', '1'], ['ab', '2'], ['abc', '1'], ['b', '3'], ['B', '4'], ['', '5'], ['é', '6'], ['e\u0301', '7'], ['😀', '8'], ['z', '2'], ['ab', '9'],
    ];
    const packed = new PackedStringMap(entries);
    const map = new Map(entries);
    expect(packed.size).toBe(map.size);
    for (const key of [...map.keys(), 'abcd', 'aa', 'c', 'Z', '😁', 'A']) expect(packed.get(key)).toBe(map.get(key));
  });

  it('holds many keys', () => {
    const entries = Array.from({ length: 5000 }, (_, i): [string, string] => [`w${(i * 7919) % 5000}`, `c${i % 37}`]);
    const packed = new PackedStringMap(entries);
    for (const [k, v] of entries) expect(packed.get(k)).toBe(v);
    expect(packed.get('w5000')).toBeUndefined();
  });

  it('is empty when given nothing', () => {
    expect(new PackedStringMap([]).get('a')).toBeUndefined();
  });
});
