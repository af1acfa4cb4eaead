/**
 * The decoder's per-word cache (see `TaggerModel.emissions`): each distinct word's
 * summed word-feature weights at the five offsets around a token, and the ids its
 * context keys read. A cache like BoundedCache (two generations: when the current
 * one is full it becomes the previous one, and a word found in the previous one
 * moves back), but the entries live in flat typed arrays of each generation, not
 * one small Float32Array and one object each: a new word allocates nothing, and
 * the same memory holds about twice the words.
 *
 * Entries are numbered within the current generation. `reserve` makes room for a
 * sentence's words first, so that the numbers handed out for one sentence stay
 * valid until the next `reserve`.
 */
export class WordTable {
  private current: Generation;
  private previous: Generation;

  /** `width` numbers of scores per word; `limit` words per generation. */
  constructor(readonly width: number, private readonly limit: number) {
    this.current = new Generation(limit, width);
    this.previous = new Generation(0, width);
  }

  /** Make room for `count` more entries in the current generation, starting a new one if it has not. */
  reserve(count: number): void {
    if (this.current.ids.size + count <= this.current.capacity) return;
    const recycled = this.previous;
    this.previous = this.current;
    if (recycled.capacity >= count) {
      recycled.ids.clear();
      this.current = recycled;
    } else this.current = new Generation(Math.max(this.limit, count), this.width);
  }

  /** The entry of `word` in the current generation (moved in from the previous one if need be), -1 when neither has it. */
  find(word: string): number {
    const hit = this.current.ids.get(word);
    if (hit !== undefined) return hit;
    const old = this.previous.ids.get(word);
    if (old === undefined) return -1;
    const from = this.previous;
    const e = this.add(word);
    const to = this.current;
    const w = this.width;
    for (let k = 0; k < w; k++) to.scores[e * w + k] = from.scores[old * w + k]!;
    to.pairIds[e] = from.pairIds[old]!;
    to.shapeIds[e] = from.shapeIds[old]!;
    to.caps[e] = from.caps[old]!;
    return e;
  }

  /** A new entry for `word` in the current generation, its scores zero (room made by `reserve`). */
  add(word: string): number {
    const e = this.current.ids.size;
    this.current.ids.set(word, e);
    this.current.scores.fill(0, e * this.width, (e + 1) * this.width);
    return e;
  }

  /** The current generation's scores: entry e's are `width` numbers from `e * width`. */
  get scores(): Float32Array {
    return this.current.scores;
  }

  /** Per entry: the id of its normalised word among the word-pair features' words, -1 when none names it. */
  get pairIds(): Int32Array {
    return this.current.pairIds;
  }

  /** Per entry: the id of its short shape, -1 past the shape table's size. */
  get shapeIds(): Int32Array {
    return this.current.shapeIds;
  }

  /** Per entry: 1 when the word starts with a capital. */
  get caps(): Uint8Array {
    return this.current.caps;
  }
}

/** One generation's words and their entries. */
class Generation {
  readonly ids = new Map<string, number>();
  readonly scores: Float32Array;
  readonly pairIds: Int32Array;
  readonly shapeIds: Int32Array;
  readonly caps: Uint8Array;

  constructor(readonly capacity: number, width: number) {
    this.scores = new Float32Array(capacity * width);
    this.pairIds = new Int32Array(capacity);
    this.shapeIds = new Int32Array(capacity);
    this.caps = new Uint8Array(capacity);
  }
}
