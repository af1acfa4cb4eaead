/**
 * The dynamic oracle of the arc-hybrid system (Goldberg & Nivre 2013): the
 * cost of a move is the number of gold arcs it makes unreachable, so training
 * can go on from states the model got wrong. Gold heads use `n` for the root.
 * Each cost is a scan of the stack or buffer: fine for training, never used
 * when parsing.
 */
import { LEFT, RIGHT, SHIFT, type ParserState } from './state.js';

/** Gold children of `word` still in the buffer. */
function childrenInBuffer(s: ParserState, gold: Int32Array, word: number): number {
  let c = 0;
  for (let k = s.front; k < s.n; k++) if (gold[k] === word) c++;
  return c;
}

/** The cost of `move` in state `s` (the move must be allowed). */
export function moveCost(s: ParserState, gold: Int32Array, move: number): number {
  const top = s.depth - 1;
  if (move === SHIFT) {
    // b0 can no longer take a head from below s0, nor any stack word as dependent; nor the root,
    // which only takes a word alone on the stack: one shifted onto others can never be alone
    const b = s.front;
    let c = gold[b] === s.n && top >= 0 ? 1 : 0;
    for (let k = 0; k <= top; k++) {
      const w = s.stack[k]!;
      if (gold[w] === b) c++;
      if (k < top && gold[b] === w) c++;
    }
    return c;
  }
  const d = s.stack[top]!;
  const h = gold[d]!;
  // a gold root with words below it on the stack lost its arc when it was shifted (counted then)
  const rootGone = h === s.n && top > 0;
  if (move === LEFT) {
    // s0 leaves with head b0: a gold head in s1 or later in the buffer is lost, and its children in the buffer
    const lostHead = !rootGone && h !== s.front && ((top >= 1 && h === s.stack[top - 1]) || h > s.front) ? 1 : 0;
    return lostHead + childrenInBuffer(s, gold, d);
  }
  if (move === RIGHT) {
    // s0 leaves with head s1: a gold head anywhere in the buffer is lost, and its children there
    return (!rootGone && h >= s.front ? 1 : 0) + childrenInBuffer(s, gold, d);
  }
  throw new Error(`unknown move ${move}`);
}
