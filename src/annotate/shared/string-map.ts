/**
 * A read-only map from string to string for large word lists loaded with a
 * model (e.g. 100k words → cluster path): the keys sorted and joined into one
 * string with an offset table, found by binary search; the values, which
 * repeat, each kept once. A Map of the same words holds one string and one
 * table entry per key, several times the memory. Lookups allocate nothing.
 */
export class PackedStringMap {
  /** The keys, sorted by UTF-16 code units, joined. */
  private readonly keys: string;
  /** `size + 1` offsets into `keys`. */
  private readonly starts: Int32Array;
  /** Each key's value, as an index into `distinct`. */
  private readonly valueIds: Int32Array;
  private readonly distinct: readonly string[];
  readonly size: number;

  constructor(entries: Iterable<readonly [string, string]>) {
    const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const unique = sorted.filter((e, i) => i === 0 || e[0] !== sorted[i - 1]![0]);
    // a key given twice keeps its last value, as a Map built from the same entries would
    const last = new Map(sorted);
    this.size = unique.length;
    this.starts = new Int32Array(unique.length + 1);
    this.valueIds = new Int32Array(unique.length);
    const ids = new Map<string, number>();
    let at = 0;
    unique.forEach(([key], i) => {
      const value = last.get(key)!;
      let id = ids.get(value);
      if (id === undefined) { id = ids.size; ids.set(value, id); }
      this.valueIds[i] = id;
      at += key.length;
      this.starts[i + 1] = at;
    });
    this.keys = unique.map(([key]) => key).join('');
    this.distinct = [...ids.keys()];
  }

  /** -1, 0 or 1 as `word` sorts before, equal to or after key `i`. */
  private compare(word: string, i: number): number {
    const from = this.starts[i]!;
    const length = this.starts[i + 1]! - from;
    const common = Math.min(word.length, length);
    for (let k = 0; k < common; k++) {
      const d = word.charCodeAt(k) - this.keys.charCodeAt(from + k);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return word.length === length ? 0 : word.length < length ? -1 : 1;
  }

  get(word: string): string | undefined {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(word, mid);
      if (c === 0) return this.distinct[this.valueIds[mid]!];
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return undefined;
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }
}
