import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/index.js';
import { moveCost } from './oracle.js';
import { LEFT, ParserState, RIGHT, SHIFT } from './state.js';

/** A random projective tree over n words (heads, n for the root), built by splitting spans around random heads. */
function randomProjectiveTree(n: number, random: () => number): Int32Array {
  const heads = new Int32Array(n);
  const build = (from: number, to: number, head: number): void => {
    // the words from…to-1 form one or more subtrees hanging from `head`
    let start = from;
    while (start < to) {
      const end = start + 1 + Math.floor(random() * (to - start));
      const root = start + Math.floor(random() * (end - start));
      heads[root] = head;
      build(start, root, root);
      build(root + 1, end, root);
      start = end;
    }
  };
  const root = Math.floor(random() * n);
  heads[root] = n;
  build(0, root, root);
  build(root + 1, n, root);
  return heads;
}

function allowedMoves(s: ParserState): number[] {
  return [SHIFT, LEFT, RIGHT].filter((m) => (m === SHIFT ? s.canShift() : m === LEFT ? s.canLeft() : s.canRight()));
}

/** Run a parse choosing moves with `choose`; returns the heads made and the summed cost of the moves taken. */
function run(gold: Int32Array, choose: (moves: number[], costs: number[]) => number): { heads: Int32Array; cost: number } {
  const n = gold.length;
  const s = new ParserState();
  const zeros = new Int32Array(n);
  s.reset(zeros, zeros, zeros, n);
  let cost = 0;
  while (!s.done) {
    const moves = allowedMoves(s);
    const costs = moves.map((m) => moveCost(s, gold, m));
    const k = choose(moves, costs);
    cost += costs[k]!;
    if (moves[k] === SHIFT) s.shift();
    else s.attach(moves[k]!, 0);
  }
  return { heads: s.head.slice(0, n), cost };
}

describe('arc-hybrid parsing and its dynamic oracle', () => {
  const random = seededRandom(7);
  const trees = Array.from({ length: 300 }, () => randomProjectiveTree(1 + Math.floor(random() * 25), random));

  it('rebuilds every projective tree from zero-cost moves, with one root', () => {
    for (const gold of trees) {
      const { heads, cost } = run(gold, (_, costs) => costs.indexOf(Math.min(...costs)));
      expect(cost).toBe(0);
      expect(Array.from(heads)).toEqual(Array.from(gold));
      expect(Array.from(heads).filter((h) => h === gold.length)).toHaveLength(1);
    }
  });

  it('counts exactly the arcs lost when the parser wanders off (costs add up to the errors)', () => {
    for (const gold of trees) {
      const { heads, cost } = run(gold, (moves, costs) => (random() < 0.3 ? Math.floor(random() * moves.length) : costs.indexOf(Math.min(...costs))));
      const wrong = Array.from(heads).filter((h, i) => h !== gold[i]).length;
      expect(cost).toBe(wrong);
    }
  });

  it('takes 2n moves: every word shifted once and attached once', () => {
    const gold = trees[0]!;
    let moves = 0;
    run(gold, (_, costs) => {
      moves++;
      return costs.indexOf(Math.min(...costs));
    });
    expect(moves).toBe(2 * gold.length);
  });
});
