import { describe, expect, it } from 'vitest';
import { WordTable } from './word-table.js';

/** Add `word` with scores [value, value + 1] and pair id `value`. */
function put(table: WordTable, word: string, value: number): void {
  const e = table.add(word);
  table.scores[e * 2] = value;
  table.scores[e * 2 + 1] = value + 1;
  table.pairIds[e] = value;
}

const scoresOf = (table: WordTable, word: string): number[] | undefined => {
  const e = table.find(word);
  return e < 0 ? undefined : [table.scores[e * 2]!, table.scores[e * 2 + 1]!, table.pairIds[e]!];
};

describe('the per-word table of the decoder', () => {
  it('keeps the words of the last two generations and moves a word found in the older one back', () => {
    const table = new WordTable(2, 3);
    table.reserve(3);
    put(table, 'a', 1);
    put(table, 'b', 2);
    put(table, 'c', 3);
    table.reserve(2); // full: a new generation
    expect(scoresOf(table, 'a')).toEqual([1, 2, 1]);
    put(table, 'd', 4);
    table.reserve(2); // full again: the generation of b and c is dropped
    expect(scoresOf(table, 'b')).toBeUndefined();
    expect(scoresOf(table, 'a')).toEqual([1, 2, 1]);
    table.reserve(3); // d, not moved back, goes with its generation; a stays
    expect(scoresOf(table, 'd')).toBeUndefined();
    expect(scoresOf(table, 'a')).toEqual([1, 2, 1]);
    expect(scoresOf(table, 'nonesuch')).toBeUndefined();
  });

  it('gives a new entry zero scores, also in a recycled generation, and makes room for a sentence longer than a generation', () => {
    const table = new WordTable(2, 2);
    for (let round = 0; round < 4; round++) {
      table.reserve(2);
      put(table, `x${round}`, 7);
      const e = table.add(`y${round}`);
      expect([table.scores[e * 2], table.scores[e * 2 + 1]]).toEqual([0, 0]);
    }
    table.reserve(5);
    for (let k = 0; k < 5; k++) put(table, `long${k}`, k);
    expect([0, 1, 2, 3, 4].map((k) => scoresOf(table, `long${k}`)?.[0])).toEqual([0, 1, 2, 3, 4]);
  });
});
