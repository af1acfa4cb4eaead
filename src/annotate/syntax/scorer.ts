/**
 * A linear classifier's scores over a template set, computed as the sum over
 * every template's key (what training does) but without hashing most of them.
 * When the model loads, each template is placed in one of three groups:
 * - lexical templates (atoms of one position's word and tag only) are summed
 *   once per distinct word-and-tag and cached: a frequent word costs one read;
 * - templates over small atoms only (tags, labels, distances, valencies) are
 *   merged into a few dense tables indexed by their atoms' values, each entry
 *   holding the sum of all templates of the group: no hashing at all;
 * - templates of one word and one small atom elsewhere (s0's word-and-tag
 *   with b0's tag) keep, in the word's cached row, the weights for every
 *   value of the small atom: a read in a row already in cache instead of a
 *   hash and a likely cache miss in the large table of weights;
 * - the rest are hashed and looked up in the table of weights, all the keys
 *   of a score in one batch (see `SparseWeights.locate`).
 * The scores equal the keyed sum up to float rounding (a test checks it); the
 * last two groups are added in template order, as before they were split.
 */
import { featureKey } from './hashing.js';
import { BoundedCache } from '../shared/bounded-cache.js';
import { sumRows } from '../shared/row-sum.js';

/** What an atom holds: a hash, or a small value below its range that can index a table. */
export interface TemplateSet {
  /** Each template's atoms (up to three); a template's number is its index. */
  readonly templates: readonly (readonly number[])[];
  /** Atoms 0 … positions × 4 - 1 are the word, tag, word-and-tag and label of each position. */
  readonly positions: number;
  /** The range of a small atom (its values are 0 … range - 1), or 0 for a hash. */
  range(atom: number, labelCount: number): number;
}

/** Kinds of a position's atoms: atom = position × 4 + kind. */
export const W = 0, P = 1, WP = 2, L = 3;

/** Something that adds a feature key's weights to a score array, one key at a time or located in a batch (see `SparseWeights.locate`). */
export interface KeyedWeights {
  add(key: number, scores: Float32Array, offset: number): void;
  locate(keys: Int32Array, count: number, rows: Int32Array): void;
  addRow(row: number, scores: Float32Array, offset: number): void;
}

/** Largest merged dense table, in floats (atom combinations × classes): 2 MB, of which a parse touches a small part. */
const MAX_DENSE_FLOATS = 1 << 19;
/** Atoms of a merged dense table. */
const MAX_GROUP_ATOMS = 4;
/**
 * Word-and-tag rows kept per cache generation (see BoundedCache): a row is 1 kB (moves) or 0.4 kB (labels), so
 * ~4 MB per generation for both scorers. Frequent words make most hits: four times as many rows cost a long-running
 * worker ~70 MB more for ~5% less time, and 2.6 times as many label rows (the same memory as their old 1.2 kB rows)
 * saved nothing measurable inside the whole pipeline.
 */
const MAX_CACHED = 3_000;
/** Most floats a word's row keeps for one template of a word and a small atom (19 tags × 3 moves: yes; × 51 labels: no). */
const MAX_WORD_TABLE = 64;

interface DenseGroup {
  readonly atoms: number[];
  readonly members: number[];
}

export class TemplateScorer {
  private readonly classes: number;
  /** Per position, the lexical templates' numbers. */
  private readonly lexical: number[][];
  /** The positions that have lexical templates: a word's row holds the sums of these only, one after the other (the label classifier's: 2 of 6). */
  private readonly lexicalPositions: Int32Array;
  /** Dense groups, flat: four atoms (-1 unused) and four strides each, and each table's offset into `tables`. */
  private readonly denseAtoms: Int32Array;
  private readonly denseStrides: Int32Array;
  private readonly denseOffsets: Int32Array;
  private readonly tables: Float32Array;
  /**
   * Templates scored last, in template order, four numbers each: the template,
   * its three atoms (-1: unused) for a hashed one; or -1, the word's position,
   * the small atom and the table's offset in the word's row for a word-with-small-atom one.
   */
  private readonly hashed: Int32Array;
  /** Per word-with-small-atom template of the word's row: its template, word atom and small atom. */
  private readonly wordTables: { t: number; word: number; small: number; offset: number }[] = [];
  /** Floats of a word's row: the lexical sums of each lexical position, then the word-with-small-atom tables. */
  private readonly rowLength: number;
  private readonly cache = new BoundedCache<number, Float32Array>(MAX_CACHED);
  /** Lexical sums of the current words (the last one: no word). */
  private rows: Float32Array[] = [];
  private absent = 0;
  /** The rows one score sums before its hashed keys (see `score`), and where in each row it reads. */
  private readonly picked: Float32Array[] = [];
  private readonly offsets: Int32Array;
  /** The keys of a word's row, where in the row each one's weights go, and where they are in the weights. */
  private readonly rowKeys: Int32Array;
  private readonly rowAt: Int32Array;
  private readonly rowFound: Int32Array;
  /** The keys of one score's hashed templates and where their weights are. */
  private readonly keys: Int32Array;
  private readonly found: Int32Array;

  constructor(private readonly weights: KeyedWeights, private readonly set: TemplateSet, classes: number, private readonly labelCount: number) {
    this.classes = classes;
    this.lexical = Array.from({ length: set.positions }, () => []);
    const positionOf = (a: number): number => (a < set.positions * 4 ? Math.floor(a / 4) : -1);
    const hashed: number[] = [];
    const dense: { t: number; atoms: readonly number[] }[] = [];
    const isWord = (a: number): boolean => positionOf(a) >= 0 && (a % 4 === W || a % 4 === WP);
    const isLexical = (atoms: readonly number[]): boolean => {
      const positions = new Set(atoms.map(positionOf));
      return positions.size === 1 && !positions.has(-1) && atoms.every((a) => a % 4 !== L);
    };
    set.templates.forEach((atoms, t) => {
      if (isLexical(atoms)) this.lexical[positionOf(atoms[0]!)]!.push(t);
    });
    this.lexicalPositions = Int32Array.from(this.lexical.flatMap((templates, p) => (templates.length > 0 ? [p] : [])));
    let rowLength = this.lexicalPositions.length * classes;
    set.templates.forEach((atoms, t) => {
      if (isLexical(atoms)) return; // placed above: a word's row holds their sums before its word tables
      if (atoms.every((a) => set.range(a, labelCount) > 0)) {
        dense.push({ t, atoms });
      } else if (atoms.length === 2 && atoms.some(isWord) && atoms.some((a) => set.range(a, labelCount) > 0)
        && atoms.reduce((r, a) => r * Math.max(1, set.range(a, labelCount)), classes) <= MAX_WORD_TABLE) {
        const word = atoms.find(isWord)!;
        const small = atoms.find((a) => set.range(a, labelCount) > 0)!;
        this.wordTables.push({ t, word, small, offset: rowLength });
        hashed.push(-1, positionOf(word), small, rowLength);
        rowLength += set.range(small, labelCount) * classes;
      } else {
        hashed.push(t, atoms[0]!, atoms[1] ?? -1, atoms[2] ?? -1);
      }
    });
    this.rowLength = rowLength;
    // merge dense templates into groups whose joint table stays small, largest templates first
    const groups: DenseGroup[] = [];
    const MAX_DENSE = Math.floor(MAX_DENSE_FLOATS / classes);
    const product = (atoms: readonly number[]): number => atoms.reduce((p, a) => p * set.range(a, labelCount), 1);
    for (const { t, atoms } of [...dense].sort((a, b) => product(b.atoms) - product(a.atoms) || a.t - b.t)) {
      const home = groups.find((g) => {
        const union = [...new Set([...g.atoms, ...atoms])];
        return union.length <= MAX_GROUP_ATOMS && product(union) <= MAX_DENSE;
      });
      if (home) {
        for (const a of atoms) if (!home.atoms.includes(a)) home.atoms.push(a);
        home.members.push(t);
      } else if (product(atoms) <= MAX_DENSE) {
        groups.push({ atoms: [...atoms], members: [t] });
      } else {
        hashed.push(t, atoms[0]!, atoms[1] ?? -1, atoms[2] ?? -1);
      }
    }
    this.hashed = Int32Array.from(hashed);
    this.denseAtoms = new Int32Array(groups.length * MAX_GROUP_ATOMS).fill(-1);
    this.denseStrides = new Int32Array(groups.length * MAX_GROUP_ATOMS);
    this.denseOffsets = new Int32Array(groups.length);
    let size = 0;
    groups.forEach((g, k) => {
      this.denseOffsets[k] = size;
      size += product(g.atoms) * classes;
    });
    this.tables = new Float32Array(size);
    groups.forEach((g, k) => this.fillGroup(g, k, labelCount));
    this.offsets = new Int32Array(this.lexicalPositions.length + groups.length + this.wordTables.length);
    const rowKeyCount = this.lexical.reduce((sum, templates) => sum + templates.length, 0)
      + this.wordTables.reduce((sum, { small }) => sum + set.range(small, labelCount), 0);
    this.rowKeys = new Int32Array(rowKeyCount);
    this.rowAt = new Int32Array(rowKeyCount);
    this.rowFound = new Int32Array(rowKeyCount);
    this.keys = new Int32Array(this.hashed.length / 4);
    this.found = new Int32Array(this.hashed.length / 4);
  }

  /** Sum the group's templates for every combination of its atoms' values. */
  private fillGroup(g: DenseGroup, k: number, labelCount: number): void {
    const ranges = g.atoms.map((a) => this.set.range(a, labelCount));
    let stride = 1;
    for (let i = g.atoms.length - 1; i >= 0; i--) {
      this.denseAtoms[k * MAX_GROUP_ATOMS + i] = g.atoms[i]!;
      this.denseStrides[k * MAX_GROUP_ATOMS + i] = stride;
      stride *= ranges[i]!;
    }
    const values = new Int32Array(g.atoms.length);
    const slot = new Map(g.atoms.map((a, i) => [a, i]));
    const members = g.members.map((t) => ({ t, slots: this.set.templates[t]!.map((a) => slot.get(a)!) }));
    for (let index = 0; index < stride; index++) {
      for (let i = 0; i < g.atoms.length; i++) values[i] = Math.floor(index / this.denseStrides[k * MAX_GROUP_ATOMS + i]!) % ranges[i]!;
      for (const { t, slots } of members) {
        const key = featureKey(t, values[slots[0]!]!, slots.length > 1 ? values[slots[1]!]! : 0, slots.length > 2 ? values[slots[2]!]! : 0);
        this.weights.add(key, this.tables, this.denseOffsets[k]! + index * this.classes);
      }
    }
  }

  /** The lexical sums, at every lexical position, of a word with this word hash, tag atom and word-and-tag atom. */
  private lexicalRow(word: number, tag: number, wordTag: number): Float32Array {
    let row = this.cache.get(wordTag);
    if (row) return row;
    row = new Float32Array(this.rowLength);
    const values = [word, tag, wordTag];
    // every key of the row, and where in the row its weights go, looked up together (see `SparseWeights.locate`)
    const keys = this.rowKeys;
    const at = this.rowAt;
    let f = 0;
    const positions = this.lexicalPositions;
    for (let k = 0; k < positions.length; k++) {
      for (const t of this.lexical[positions[k]!]!) {
        const atoms = this.set.templates[t]!;
        const a = values[atoms[0]! % 4]!;
        const b = atoms.length > 1 ? values[atoms[1]! % 4]! : 0;
        const c = atoms.length > 2 ? values[atoms[2]! % 4]! : 0;
        keys[f] = featureKey(t, a, b, c);
        at[f++] = k * this.classes;
      }
    }
    // one template's weights per value of its small atom: each entry is one weight, exactly as the keyed lookup adds it
    for (const { t, word: wordAtom, small, offset } of this.wordTables) {
      const own = values[wordAtom % 4]!;
      const wordFirst = this.set.templates[t]![0] === wordAtom;
      for (let v = 0, range = this.set.range(small, this.labelCount); v < range; v++) {
        keys[f] = featureKey(t, wordFirst ? own : v, wordFirst ? v : own, 0);
        at[f++] = offset + v * this.classes;
      }
    }
    const found = this.rowFound;
    this.weights.locate(keys, f, found);
    for (let e = 0; e < f; e++) this.weights.addRow(found[e]!, row, at[e]!);
    this.cache.set(wordTag, row);
    return row;
  }

  /** Look up the lexical sums of the words positions will point at (word index i ↔ `rows[i]`). */
  prepare(word: Int32Array, tag: Int32Array, wordTag: Int32Array, count: number): void {
    if (this.rows.length < count + 1) this.rows = new Array<Float32Array>(count + 1);
    for (let i = 0; i < count; i++) this.rows[i] = this.lexicalRow(word[i]!, tag[i]!, wordTag[i]!);
    this.absent = count;
    this.rows[count] = this.lexicalRow(0, 0, 0);
  }

  /** Scores of every class (written to `out`) for the atoms and the word at each position (-1: none). */
  score(atoms: Int32Array, positions: Int32Array, out: Float32Array): void {
    const classes = this.classes;
    const rows = this.rows;
    const picked = this.picked;
    const offsets = this.offsets;
    // the rows to add, in the order the scores were always summed in: lexical, dense, then the hashed list
    const lexicalPositions = this.lexicalPositions;
    let m = 0;
    for (; m < lexicalPositions.length; m++) {
      const x = positions[lexicalPositions[m]!]!;
      picked[m] = rows[x < 0 ? this.absent : x]!;
      offsets[m] = m * classes;
    }
    const denseAtoms = this.denseAtoms;
    const strides = this.denseStrides;
    for (let g = 0; g < this.denseOffsets.length; g++) {
      const b = g * MAX_GROUP_ATOMS;
      let index = atoms[denseAtoms[b]!]! * strides[b]!;
      for (let i = 1; i < MAX_GROUP_ATOMS; i++) {
        const a = denseAtoms[b + i]!;
        if (a < 0) break;
        index += atoms[a]! * strides[b + i]!;
      }
      picked[m] = this.tables;
      offsets[m++] = this.denseOffsets[g]! + index * classes;
    }
    const hashed = this.hashed;
    let h = 0;
    // word tables before the first hashed key are whole rows too
    for (; h < hashed.length && hashed[h]! < 0; h += 4) {
      const x = positions[hashed[h + 1]!]!;
      picked[m] = rows[x < 0 ? this.absent : x]!;
      offsets[m++] = hashed[h + 3]! + atoms[hashed[h + 2]!]! * classes;
    }
    // the hashed keys are looked up together, and their memory reads overlap the sum of the rows
    const keys = this.keys;
    const found = this.found;
    let f = 0;
    for (let j = h; j < hashed.length; j += 4) {
      const t = hashed[j]!;
      if (t < 0) continue;
      const a1 = hashed[j + 2]!, a2 = hashed[j + 3]!;
      keys[f++] = featureKey(t, atoms[hashed[j + 1]!]!, a1 < 0 ? 0 : atoms[a1]!, a2 < 0 ? 0 : atoms[a2]!);
    }
    this.weights.locate(keys, f, found);
    sumRows(picked, offsets, m, classes, out, 0);
    f = 0;
    for (; h < hashed.length; h += 4) {
      if (hashed[h]! >= 0) {
        this.weights.addRow(found[f++]!, out, 0);
        continue;
      }
      const x = positions[hashed[h + 1]!]!;
      const row = rows[x < 0 ? this.absent : x]!;
      const o = hashed[h + 3]! + atoms[hashed[h + 2]!]! * classes;
      for (let c = 0; c < classes; c++) out[c]! += row[o + c]!;
    }
  }

  /** How the templates were placed (for the model's documentation and tests). */
  layout(): { lexical: number; dense: number; denseTables: number; wordTables: number; hashed: number } {
    const lexical = this.lexical.reduce((s, l) => s + l.length, 0);
    const hashed = this.hashed.length / 4 - this.wordTables.length;
    return {
      lexical,
      dense: this.set.templates.length - lexical - this.wordTables.length - hashed,
      denseTables: this.denseOffsets.length,
      wordTables: this.wordTables.length,
      hashed,
    };
  }
}
