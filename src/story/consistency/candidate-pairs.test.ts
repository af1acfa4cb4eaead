import { describe, expect, it } from 'vitest';
import { TokenIndex } from './candidate-pairs.js';
import { seededRandom as random } from '../../core/index.js';


/** Lists of words from a skewed vocabulary: a few words in most lists, most words in few, repeats allowed. */
function lists(count: number, seed: number): string[][] {
  const rand = random(seed);
  const word = (): string => `w${Math.floor(rand() ** 3 * 60)}`;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(rand() * 12) }, word));
}

/** Positions of `tokens` whose word the other list holds. */
const held = (tokens: readonly string[], other: readonly string[]): number => tokens.filter((t) => other.includes(t)).length;

describe('TokenIndex.holdersOfShare', () => {
  const items = lists(300, 7);
  const index = new TokenIndex(items);

  for (const [share, extra, minShared] of [[0.8, 0, 1], [0.8, 2, 1], [0.45, 2, 3], [0.6, 1, 1], [0.3, 3, 2]] as const) {
    it(`finds every list holding ${share} of the probe's positions (extra ${extra}, at least ${minShared}), as a check of all pairs does`, () => {
      for (const probe of lists(60, 11)) {
        const needed = Math.max(minShared, share * probe.length);
        const expected = items.flatMap((other, i) => (held(probe, other) >= needed ? [i] : []));
        const found = new Set(index.holdersOfShare(probe, share, extra, minShared));
        for (const i of expected) expect(found.has(i), `item ${i} for probe ${probe.join(' ')}`).toBe(true);
      }
    });
  }

  it('leaves out most lists that share only common words', () => {
    const probe = ['w0', 'w1', 'w55', 'w58', 'w59'];
    const found = index.holdersOfShare(probe, 0.8, 2);
    expect(found.length).toBeLessThan(items.filter((other) => held(probe, other) > 0).length / 2);
  });
});
