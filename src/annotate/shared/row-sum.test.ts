import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/index.js';
import { sumRows } from './row-sum.js';

describe('row sums', () => {
  it('equal adding the rows one after the other into a Float32Array, bit for bit, at every width', () => {
    const random = seededRandom(7);
    const rows = Array.from({ length: 9 }, () => Float32Array.from({ length: 64 }, () => (random() - 0.5) * 10 ** Math.floor(random() * 8 - 4)));
    const offsets = Int32Array.from(rows, () => Math.floor(random() * 10));
    for (let width = 1; width <= 53; width++) {
      const expected = new Float32Array(width);
      for (let k = 0; k < rows.length; k++) for (let c = 0; c < width; c++) expected[c]! += rows[k]![offsets[k]! + c]!;
      const out = new Float32Array(width + 2).fill(99);
      sumRows(rows, offsets, rows.length, width, out, 1);
      expect(Array.from(out.subarray(1, width + 1))).toEqual(Array.from(expected));
      expect([out[0], out[width + 1]]).toEqual([99, 99]);
    }
  });
});
