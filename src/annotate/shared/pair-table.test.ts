import { describe, expect, it } from 'vitest';
import { PairTable } from './pair-table.js';

describe('pair table', () => {
  it('finds every stored pair, in either order of its ids, and nothing else', () => {
    const table = new PairTable(3000);
    for (let a = 0; a < 60; a++) for (let b = 0; b < 50; b++) table.set(a, b, a * 1000 + b);
    expect(table.get(7, 3)).toBe(7003);
    expect(table.get(3, 7)).toBe(3007);
    expect(table.get(59, 49)).toBe(59049);
    expect(table.get(60, 0)).toBe(-1);
    expect(table.get(-1, 4)).toBe(-1);
  });

  it('keeps the last value set for a pair', () => {
    const table = new PairTable(4);
    table.set(1, 2, 5);
    table.set(1, 2, 9);
    expect(table.get(1, 2)).toBe(9);
  });
});
