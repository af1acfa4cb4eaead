/**
 * An open-addressing hash table from a pair of small non-negative integer ids
 * to a row id, in typed arrays: a lookup is a few integer operations, far
 * cheaper per token than a Map of Maps keyed by strings. The taggers use it
 * for word-pair features, with words interned to ids once at model load.
 */
export class PairTable {
  private readonly mask: number;
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly value: Int32Array;

  /** A table sized for about `capacity` pairs (it is never resized, so give the full count). */
  constructor(capacity: number) {
    let size = 1024;
    while (size < capacity * 2) size <<= 1;
    this.mask = size - 1;
    this.first = new Int32Array(size).fill(-1);
    this.second = new Int32Array(size);
    this.value = new Int32Array(size);
  }

  private slot(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
  }

  set(a: number, b: number, value: number): void {
    let k = this.slot(a, b);
    while (this.first[k] !== -1 && !(this.first[k] === a && this.second[k] === b)) k = (k + 1) & this.mask;
    this.first[k] = a;
    this.second[k] = b;
    this.value[k] = value;
  }

  /** The value of the pair, or -1 (also when either id is negative: a word the table never names). */
  get(a: number, b: number): number {
    if (a < 0 || b < 0) return -1;
    for (let k = this.slot(a, b); ; k = (k + 1) & this.mask) {
      const f = this.first[k]!;
      if (f === -1) return -1;
      if (f === a && this.second[k] === b) return this.value[k]!;
    }
  }
}
