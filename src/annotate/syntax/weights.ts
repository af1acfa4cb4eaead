/**
 * The weights of a trained linear classifier, ready to score: an
 * open-addressing table from 32-bit feature key to a row, and each row's
 * non-zero class weights in flat typed arrays (a pruned row holds a few of
 * the classes, so scoring adds only those).
 */

/** A classifier's weights as stored in a model file: typed arrays in base64, weights as 16-bit integers × `1 / scale`. */
export interface StoredWeights {
  readonly classes: number;
  readonly scale: number;
  /** Int32 feature keys, one per row. */
  readonly keys: string;
  /** Uint8 count of non-zero classes of each row. */
  readonly counts: string;
  /** Uint8 class of each non-zero weight, row after row. */
  readonly classIds: string;
  /** Int16 weight × scale of each non-zero weight. */
  readonly weights: string;
}

/** A row of averaged weights before storage: its key and its dense class weights. */
export interface WeightRow {
  readonly key: number;
  readonly values: ArrayLike<number>;
}

export function encodeTyped(array: Int32Array | Int16Array | Uint8Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function decode<T>(base64: string, make: (buffer: ArrayBuffer, length: number) => T, bytes: number): T {
  const buffer = Buffer.from(base64, 'base64');
  // copy into a fresh, aligned buffer: Node's pooled buffers may start at any byte
  const copy = new ArrayBuffer(buffer.byteLength);
  new Uint8Array(copy).set(buffer);
  return make(copy, buffer.byteLength / bytes);
}

/**
 * Store rows of weights: entries below `prune` in absolute value are dropped,
 * rows left empty are dropped, the rest quantised to 16 bits.
 */
export function storeWeights(classes: number, rows: Iterable<WeightRow>, prune: number): StoredWeights {
  const kept: { key: number; cls: number[]; w: number[] }[] = [];
  let max = 0;
  for (const row of rows) {
    const cls: number[] = [];
    const w: number[] = [];
    for (let c = 0; c < classes; c++) {
      const v = row.values[c]!;
      if (Math.abs(v) < prune) continue;
      cls.push(c);
      w.push(v);
      max = Math.max(max, Math.abs(v));
    }
    if (cls.length > 0) kept.push({ key: row.key, cls, w });
  }
  const scale = max > 0 ? 32767 / max : 1;
  const total = kept.reduce((s, r) => s + r.cls.length, 0);
  const keys = new Int32Array(kept.length);
  const counts = new Uint8Array(kept.length);
  const classIds = new Uint8Array(total);
  const weights = new Int16Array(total);
  let at = 0;
  kept.forEach((r, i) => {
    keys[i] = r.key;
    counts[i] = r.cls.length;
    for (let k = 0; k < r.cls.length; k++, at++) {
      classIds[at] = r.cls[k]!;
      weights[at] = Math.round(r.w[k]! * scale);
    }
  });
  return { classes, scale, keys: encodeTyped(keys), counts: encodeTyped(counts), classIds: encodeTyped(classIds), weights: encodeTyped(weights) };
}

/** The arrays of stored weights, decoded. */
export function decodeWeights(stored: StoredWeights): { keys: Int32Array; counts: Uint8Array; classIds: Uint8Array; values: Float32Array } {
  const keys = decode(stored.keys, (b, n) => new Int32Array(b, 0, n), 4);
  const counts = decode(stored.counts, (b, n) => new Uint8Array(b, 0, n), 1);
  const classIds = decode(stored.classIds, (b, n) => new Uint8Array(b, 0, n), 1);
  const quantised = decode(stored.weights, (b, n) => new Int16Array(b, 0, n), 2);
  if (counts.length !== keys.length || quantised.length !== classIds.length) throw new Error('stored weights: array lengths disagree');
  return { keys, counts, classIds, values: Float32Array.from(quantised, (q) => q / stored.scale) };
}

/** Size of an open-addressing table for `rows` keys: a power of two, at most half full. */
function tableSize(rows: number): number {
  let size = 16;
  while (size < rows * 2) size <<= 1;
  return size;
}

/**
 * The slots of the first `count` keys (-1: absent) in an open-addressing table
 * whose slot s holds its key at `table[s * stride]`, written to `out`. The home
 * slot of every key is read before any key is probed further, so the memory
 * reads of a batch overlap where one lookup after another waits for each in
 * turn: the tables are megabytes and nearly every read is a cache miss.
 */
function findSlots(table: Int32Array, stride: number, mask: number, keys: Int32Array, count: number, out: Int32Array): void {
  for (let f = 0; f < count; f++) out[f] = table[(keys[f]! & mask) * stride]!;
  for (let f = 0; f < count; f++) out[f] = slotOf(table, stride, mask, keys[f]!);
}

/** The slot of `key` (-1: absent) in a table as `findSlots` reads it, probing on from its home slot. */
function slotOf(table: Int32Array, stride: number, mask: number, key: number): number {
  let s = key & mask;
  let k = table[s * stride]!;
  while (k !== key) {
    if (k === 0) return -1;
    s = (s + 1) & mask;
    k = table[s * stride]!;
  }
  return s;
}

/**
 * Weights with many classes, most of them zero in a pruned row (the tagger's
 * and the label classifier's): each row keeps only its non-zero classes.
 * A lookup touches two places in memory: the slot (key and where its row
 * starts, side by side) and the row (its length, then class and weight
 * pairs, side by side), not five separate arrays: the tables are megabytes,
 * so nearly every lookup is a cache miss and the misses are the cost.
 */
export class SparseWeights {
  readonly classes: number;
  readonly rows: number;
  private readonly mask: number;
  /** Slot s: feature key at `slots[2s]` (0: empty), its row's start in `data` at `slots[2s + 1]`. */
  private readonly slots: Int32Array;
  /** Row at r: `data[r]` entries, then per entry its class at `data[r + 1 + 2e]` and weight at `weights[r + 2 + 2e]` (one buffer, two views). */
  private readonly data: Int32Array;
  private readonly weights: Float32Array;
  /** Weights in the rows `locate` found last: kept so that its reads of the rows' lengths are not optimised away. */
  private located = 0;

  constructor(stored: StoredWeights) {
    this.classes = stored.classes;
    const { keys, counts, classIds, values } = decodeWeights(stored);
    this.rows = keys.length;
    const buffer = new ArrayBuffer((keys.length + 2 * classIds.length) * 4);
    this.data = new Int32Array(buffer);
    this.weights = new Float32Array(buffer);
    const size = tableSize(keys.length);
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    for (let r = 0, at = 0, entry = 0; r < keys.length; r++) {
      let s = keys[r]! & this.mask;
      while (this.slots[s * 2] !== 0) s = (s + 1) & this.mask;
      this.slots[s * 2] = keys[r]!;
      this.slots[s * 2 + 1] = at;
      this.data[at] = counts[r]!;
      for (let e = 0; e < counts[r]!; e++, entry++) {
        this.data[at + 1 + 2 * e] = classIds[entry]!;
        this.weights[at + 2 + 2 * e] = values[entry]!;
      }
      at += 1 + 2 * counts[r]!;
    }
  }

  /** Add the weights of feature `key` to `scores` from `offset` on. */
  add(key: number, scores: Float32Array, offset: number): void {
    const s = slotOf(this.slots, 2, this.mask, key);
    this.addRow(s < 0 ? -1 : this.slots[s * 2 + 1]!, scores, offset);
  }

  /**
   * Where the rows of the first `count` keys start (-1: absent), written to `rows` for `addRow`; see `findSlots`.
   * Each row's length is read here too, so the rows, a second cache miss each, also arrive together.
   */
  locate(keys: Int32Array, count: number, rows: Int32Array): void {
    findSlots(this.slots, 2, this.mask, keys, count, rows);
    let entries = 0;
    for (let f = 0; f < count; f++) {
      if (rows[f]! < 0) continue;
      rows[f] = this.slots[rows[f]! * 2 + 1]!;
      entries += this.data[rows[f]!]!;
    }
    this.located = entries;
  }

  /** Add the weights of a row `locate` found (-1: none) to `scores` from `offset` on. */
  addRow(row: number, scores: Float32Array, offset: number): void {
    if (row < 0) return;
    const data = this.data;
    const weights = this.weights;
    for (let e = row + 1, end = row + 1 + 2 * data[row]!; e < end; e += 2) scores[offset + data[e]!]! += weights[e + 1]!;
  }

  /** Add the weights of each of the first `count` feature keys to `scores` (length `classes`). */
  score(keys: Int32Array, count: number, scores: Float32Array): void {
    for (let f = 0; f < count; f++) this.add(keys[f]!, scores, 0);
  }
}

/**
 * Weights with a few classes (the parser's three moves), stored inside the
 * hash table's slots: key and class weights side by side, so a lookup reads
 * one cache line.
 */
export class InlineWeights {
  readonly classes: number;
  readonly rows: number;
  private readonly mask: number;
  private readonly stride: number;
  /** Slot s: its key at `keys[s * stride]`, its weights at `values[s * stride + 1 …]` (one buffer, two views). */
  private readonly keys: Int32Array;
  private readonly values: Float32Array;

  constructor(stored: StoredWeights) {
    const classes = stored.classes;
    this.classes = classes;
    const decoded = decodeWeights(stored);
    this.rows = decoded.keys.length;
    const size = tableSize(this.rows);
    this.mask = size - 1;
    this.stride = classes + 1;
    const buffer = new ArrayBuffer(size * this.stride * 4);
    this.keys = new Int32Array(buffer);
    this.values = new Float32Array(buffer);
    let entry = 0;
    for (let r = 0; r < this.rows; r++) {
      const key = decoded.keys[r]!;
      let s = key & this.mask;
      while (this.keys[s * this.stride] !== 0) s = (s + 1) & this.mask;
      const base = s * this.stride;
      this.keys[base] = key;
      for (let e = 0; e < decoded.counts[r]!; e++, entry++) this.values[base + 1 + decoded.classIds[entry]!] = decoded.values[entry]!;
    }
  }

  /** Add the weights of feature `key` to `scores` from `offset` on. */
  add(key: number, scores: Float32Array, offset: number): void {
    const s = slotOf(this.keys, this.stride, this.mask, key);
    this.addRow(s < 0 ? -1 : s * this.stride + 1, scores, offset);
  }

  /** Where the weights of the first `count` keys are (-1: absent), written to `rows` for `addRow`; see `findSlots`. */
  locate(keys: Int32Array, count: number, rows: Int32Array): void {
    findSlots(this.keys, this.stride, this.mask, keys, count, rows);
    for (let f = 0; f < count; f++) if (rows[f]! >= 0) rows[f] = rows[f]! * this.stride + 1;
  }

  /** Add the weights `locate` found (-1: none) to `scores` from `offset` on. */
  addRow(row: number, scores: Float32Array, offset: number): void {
    if (row < 0) return;
    for (let c = 0; c < this.classes; c++) scores[offset + c]! += this.values[row + c]!;
  }
}
