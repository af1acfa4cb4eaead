/**
 * Reading a model file whose weights are a JSON object of feature name →
 * sparse list of numbers (`[tagIndex, weight, tagIndex, weight, …]`) without
 * building that object: `JSON.parse` of the shipped quote tagger (17 MB) makes
 * an object tree of about 180 MB that is garbage a moment later, and a worker
 * thread's heap, once grown to hold it, stays that size. Here the features
 * are read straight into one list of names and one array of numbers; the
 * rest of the file goes through `JSON.parse` as usual, so the result is the
 * file `JSON.parse` would give with each sparse object replaced by its rows.
 */

/** The features of a model file as rows: row `i` is `names[i]` with the numbers `values[starts[i]] … values[starts[i + 1] - 1]`. */
export interface SparseRows {
  readonly names: readonly string[];
  /** `names.length + 1` offsets into `values`. */
  readonly starts: Int32Array;
  readonly values: Float64Array;
}

/** A model file's feature object, as written by the trainer or as read by {@link readSparseModel}. */
export type SparseFeatures = Readonly<Record<string, readonly number[]>> | SparseRows;

function isRows(features: SparseFeatures): features is SparseRows {
  return features.starts instanceof Int32Array && features.values instanceof Float64Array && Array.isArray(features.names);
}

/** Call `visit` for each feature in file order with its row number and its numbers. */
export function forEachFeature(features: SparseFeatures, visit: (name: string, row: number, numbers: ArrayLike<number>, from: number, to: number) => void): void {
  if (isRows(features)) {
    features.names.forEach((name, row) => visit(name, row, features.values, features.starts[row]!, features.starts[row + 1]!));
    return;
  }
  Object.keys(features).forEach((name, row) => {
    const numbers = (features as Readonly<Record<string, readonly number[]>>)[name]!;
    visit(name, row, numbers, 0, numbers.length);
  });
}

/** How many features a feature object has. */
export function featureCount(features: SparseFeatures): number {
  return isRows(features) ? features.names.length : Object.keys(features).length;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array, private readonly decode: (from: number, to: number) => string) {}

  fail(what: string): never {
    throw new SyntaxError(`model file: ${what} at byte ${this.pos}`);
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length && (b[this.pos] === 0x20 || b[this.pos] === 0x0a || b[this.pos] === 0x0d || b[this.pos] === 0x09)) this.pos++;
  }

  expect(byte: number): void {
    this.skipSpace();
    if (this.bytes[this.pos] !== byte) this.fail(`expected '${String.fromCharCode(byte)}'`);
    this.pos++;
  }

  /** Try to take `byte` (after spaces). */
  take(byte: number): boolean {
    this.skipSpace();
    if (this.bytes[this.pos] !== byte) return false;
    this.pos++;
    return true;
  }

  /** End (exclusive) of the string that starts at `pos` (its opening quote), and whether it has escapes. */
  stringEnd(): { end: number; escaped: boolean } {
    const b = this.bytes;
    let i = this.pos + 1;
    let escaped = false;
    while (i < b.length && b[i] !== QUOTE) {
      if (b[i] === BACKSLASH) { escaped = true; i++; }
      i++;
    }
    if (i >= b.length) this.fail('unterminated string');
    return { end: i + 1, escaped };
  }

  string(): string {
    this.skipSpace();
    if (this.bytes[this.pos] !== QUOTE) this.fail('expected a string');
    const { end, escaped } = this.stringEnd();
    // a fresh string (not a slice of the whole file, which would keep the file alive)
    const text = escaped ? (JSON.parse(this.decode(this.pos, end)) as string) : this.decode(this.pos + 1, end - 1);
    this.pos = end;
    return text;
  }

  /** Any JSON value, by `JSON.parse` of its text. */
  value(): unknown {
    this.skipSpace();
    const start = this.pos;
    const b = this.bytes;
    let depth = 0;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (c === QUOTE) { this.pos = this.stringEnd().end; if (depth === 0) break; continue; }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (depth === 0) break;
        depth--;
        if (depth === 0) { this.pos++; break; }
      } else if (depth === 0 && c === COMMA) break;
      this.pos++;
    }
    return JSON.parse(this.decode(start, this.pos));
  }

  /** One number of a sparse list: integers read digit by digit, anything else by `Number`. */
  number(): number {
    this.skipSpace();
    const b = this.bytes;
    const start = this.pos;
    let i = start;
    const negative = b[i] === MINUS;
    if (negative) i++;
    let n = 0;
    const digits = i;
    while (i < b.length && b[i]! >= ZERO && b[i]! <= NINE) n = n * 10 + (b[i++]! - ZERO);
    const next = b[i];
    if (i > digits && i - digits < 16 && next !== 0x2e && next !== 0x65 && next !== 0x45) {
      this.pos = i;
      return negative ? -n : n;
    }
    while (i < b.length && b[i] !== COMMA && b[i] !== CLOSE_ARRAY && b[i] !== 0x20 && b[i] !== 0x0a && b[i] !== 0x0d && b[i] !== 0x09) i++;
    const value = Number(this.decode(start, i));
    if (i === start || !Number.isFinite(value)) this.fail('expected a number');
    this.pos = i;
    return value;
  }
}

class Rows {
  readonly names: string[] = [];
  private starts = new Int32Array(1024);
  private values = new Float64Array(1 << 16);
  private used = 0;

  push(value: number): void {
    if (this.used === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.used++] = value;
  }

  endRow(name: string): void {
    this.names.push(name);
    if (this.names.length + 1 > this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.names.length] = this.used;
  }

  done(): SparseRows {
    return { names: this.names, starts: this.starts.slice(0, this.names.length + 1), values: this.values.slice(0, this.used) };
  }
}

function readRows(reader: Reader): SparseRows {
  const rows = new Rows();
  reader.expect(OPEN_OBJECT);
  if (reader.take(CLOSE_OBJECT)) return rows.done();
  do {
    const name = reader.string();
    reader.expect(COLON);
    reader.expect(OPEN_ARRAY);
    if (!reader.take(CLOSE_ARRAY)) {
      do rows.push(reader.number()); while (reader.take(COMMA));
      reader.expect(CLOSE_ARRAY);
    }
    rows.endRow(name);
  } while (reader.take(COMMA));
  reader.expect(CLOSE_OBJECT);
  return rows.done();
}

function readValue(reader: Reader, path: readonly string[], sparseAt: readonly (readonly string[])[]): unknown {
  const here = (p: readonly string[]) => p.length >= path.length && path.every((key, i) => p[i] === key);
  if (sparseAt.some((p) => p.length === path.length && here(p))) return readRows(reader);
  reader.skipSpace();
  if (!sparseAt.some(here) || !reader.take(OPEN_OBJECT)) return reader.value();
  // an object on the way to a sparse object: read key by key
  const out: Record<string, unknown> = {};
  if (reader.take(CLOSE_OBJECT)) return out;
  do {
    const key = reader.string();
    reader.expect(COLON);
    out[key] = readValue(reader, [...path, key], sparseAt);
  } while (reader.take(COMMA));
  reader.expect(CLOSE_OBJECT);
  return out;
}

/**
 * Parse a model file (its UTF-8 bytes) as `JSON.parse` would, except that the objects at
 * `sparseAt` (key paths, e.g. `[['features'], ['secondPass', 'features']]`) come back as
 * {@link SparseRows}. Throws a SyntaxError on malformed input.
 */
export function readSparseModel(bytes: Buffer, sparseAt: readonly (readonly string[])[]): unknown {
  const reader = new Reader(bytes, (from, to) => bytes.toString('utf8', from, to));
  const value = readValue(reader, [], sparseAt);
  reader.skipSpace();
  if (reader.pos !== bytes.length) reader.fail('unexpected text after the model');
  return value;
}
