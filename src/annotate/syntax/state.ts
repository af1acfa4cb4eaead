/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011)
 * over one sentence of n words plus an artificial root at position n, the end
 * of the buffer:
 *   SHIFT  pushes the buffer's first word b0 onto the stack;
 *   LEFT   makes b0 the head of the stack top s0 and pops it;
 *   RIGHT  makes s1 the head of s0 and pops it.
 * The root may take a dependent only when the stack holds one word, so every
 * tree has exactly one root. Each word is shifted once and popped once: 2n
 * moves, linear in the sentence length. All of it lives in typed arrays that
 * are reused from one sentence to the next.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;

/** Atoms of the root's word and tag in features (tags of words are UPOS id + 1, 1–17). */
export const ROOT_WORD = 0x5eed;
export const ROOT_TAG = 18;

export class ParserState {
  /** Words of the sentence (the root is at index `n`). */
  n = 0;
  /** Per word: hash of the normalised word, tag atom (UPOS id + 1), and a word-and-tag atom. */
  word = new Int32Array(0);
  tag = new Int32Array(0);
  wordTag = new Int32Array(0);
  stack = new Int32Array(0);
  /** Number of words on the stack. */
  depth = 0;
  /** The buffer's first word (n: only the root is left). */
  front = 0;
  head = new Int32Array(0);
  /** Label id + 1 of each word's arc (0: not attached yet). */
  label = new Int32Array(0);
  /** Leftmost and second-leftmost, rightmost and second-rightmost child (-1: none). */
  left1 = new Int32Array(0);
  left2 = new Int32Array(0);
  right1 = new Int32Array(0);
  right2 = new Int32Array(0);
  leftCount = new Int32Array(0);
  rightCount = new Int32Array(0);
  /** Bit sets of the labels of the left and right children (labels 0–31 in `…Low`, 32–63 in `…High`). */
  leftLabelsLow = new Int32Array(0);
  leftLabelsHigh = new Int32Array(0);
  rightLabelsLow = new Int32Array(0);
  rightLabelsHigh = new Int32Array(0);

  /** Start on a sentence: words, tag atoms and word-and-tag atoms of its n words. */
  reset(word: Int32Array, tag: Int32Array, wordTag: Int32Array, n: number): void {
    if (this.stack.length < n + 1) this.grow(n + 1);
    this.n = n;
    this.word.set(word.subarray(0, n));
    this.tag.set(tag.subarray(0, n));
    this.wordTag.set(wordTag.subarray(0, n));
    this.word[n] = ROOT_WORD;
    this.tag[n] = ROOT_TAG;
    this.wordTag[n] = ROOT_WORD;
    this.depth = 0;
    this.front = 0;
    for (const a of [this.head, this.left1, this.left2, this.right1, this.right2]) a.fill(-1, 0, n + 1);
    for (const a of [this.label, this.leftCount, this.rightCount, this.leftLabelsLow, this.leftLabelsHigh, this.rightLabelsLow, this.rightLabelsHigh]) {
      a.fill(0, 0, n + 1);
    }
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.stack.length * 2, 64);
    for (const name of [
      'word', 'tag', 'wordTag', 'stack', 'head', 'label', 'left1', 'left2', 'right1', 'right2', 'leftCount', 'rightCount',
      'leftLabelsLow', 'leftLabelsHigh', 'rightLabelsLow', 'rightLabelsHigh',
    ] as const) {
      this[name] = new Int32Array(capacity);
    }
  }

  get done(): boolean {
    return this.depth === 0 && this.front === this.n;
  }

  canShift(): boolean {
    return this.front < this.n;
  }

  canLeft(): boolean {
    return this.depth >= 1 && (this.front < this.n || this.depth === 1);
  }

  canRight(): boolean {
    return this.depth >= 2;
  }

  /** The dependent and head a move would join ([-1, -1] for SHIFT). */
  arcOf(move: number): [dependent: number, head: number] {
    if (move === LEFT) return [this.stack[this.depth - 1]!, this.front];
    if (move === RIGHT) return [this.stack[this.depth - 1]!, this.stack[this.depth - 2]!];
    return [-1, -1];
  }

  shift(): void {
    this.stack[this.depth++] = this.front++;
  }

  /** LEFT or RIGHT: attach s0 with `labelId` and pop it. */
  attach(move: number, labelId: number): void {
    const d = this.stack[this.depth - 1]!;
    const h = move === LEFT ? this.front : this.stack[this.depth - 2]!;
    this.depth--;
    this.head[d] = h;
    this.label[d] = labelId + 1;
    const bit = 1 << (labelId & 31);
    if (d < h) {
      // left children arrive nearest first, so each new one is the leftmost
      this.left2[h] = this.left1[h]!;
      this.left1[h] = d;
      this.leftCount[h]!++;
      if (labelId < 32) this.leftLabelsLow[h]! |= bit;
      else this.leftLabelsHigh[h]! |= bit;
    } else {
      this.right2[h] = this.right1[h]!;
      this.right1[h] = d;
      this.rightCount[h]!++;
      if (labelId < 32) this.rightLabelsLow[h]! |= bit;
      else this.rightLabelsHigh[h]! |= bit;
    }
  }
}
