import { MAX_AFFIX, OFFSETS, PAD, capCode, clusterPaths, embeddingFeatures, normalise, pathFeatures, shortShape, type ClusterLookup } from './features.js';

/**
 * The rows of a word's word features (`wordFeatures`) found without building
 * their names. A word the decoder has not cached (a few per cent of tokens,
 * most of them new) used to cost some forty names built and hashed; here the
 * features that share a value — the word at each offset, its shape, its
 * capital, its prefixes, its suffixes — are grouped at model load into
 * families, each found by one lookup of the value, and the cluster features,
 * which depend on few values, are named once per cluster path (1k of them) or
 * vector class (8k) and capital, not per pair of them (32k).
 *
 * It must give the rows of `wordFeatures` in its order (the scores are float32
 * sums in that order); word-rows.test.ts checks it on the shipped model.
 */
export class WordFeatureRows {
  /** `w-2=`, `w-1=`, `w=`, `w1=`, `w2=` + the normalised word: one column per offset. */
  private readonly words = new FeatureFamily(OFFSETS.length);
  /** `sh-1=`, `sh=`, `sh1=` + the short shape. */
  private readonly shapes = new FeatureFamily(3);
  /** `k-1=`, `k=`, `k1=` + the capital code. */
  private readonly caps = new FeatureFamily(3);
  /** `p1=` … `p4=` + as many first characters (the length picks the column). */
  private readonly prefixes = new FeatureFamily(MAX_AFFIX);
  /** `s1=` … `s4=` + as many last characters. */
  private readonly suffixes = new FeatureFamily(MAX_AFFIX);
  /** Family and column of each template. */
  private readonly templates = new Map<string, { readonly family: FeatureFamily; readonly column: number }>();
  /** Per cluster path (`''` for none), per capital code: the rows of `pathFeatures`. */
  private readonly pathRows = new Map<string, (SlotRows | undefined)[]>();
  /** Per pretrained-vector class, per capital code: the rows of `embeddingFeatures`. */
  private readonly embeddingRows = new Map<string, (SlotRows | undefined)[]>();
  private readonly found: WordRows = { form: '', shape: '', rows: new Int32Array(MAX_ROWS_PER_WORD), ends: new Int32Array(OFFSETS.length) };

  /** `rowOfName` finds the features no family takes (the clusters' and `len1`), -1 when the model has none. */
  constructor(private readonly rowOfName: (name: string) => number, private readonly clusters?: ClusterLookup) {
    const add = (family: FeatureFamily, names: readonly string[]): void =>
      names.forEach((name, column) => this.templates.set(name, { family, column }));
    add(this.words, OFFSETS.map((o) => (o === 0 ? 'w=' : 'w' + o + '=')));
    add(this.shapes, ['sh-1=', 'sh=', 'sh1=']);
    add(this.caps, ['k-1=', 'k=', 'k1=']);
    add(this.prefixes, Array.from({ length: MAX_AFFIX }, (_, k) => `p${k + 1}=`));
    add(this.suffixes, Array.from({ length: MAX_AFFIX }, (_, k) => `s${k + 1}=`));
  }

  /** At load: keep feature `name` at `row` if a family has its template; false when none does. */
  take(name: string, row: number): boolean {
    const at = this.templateOf(name);
    if (!at) return false;
    at.family.set(name.slice(at.cut), at.column, row);
    return true;
  }

  /** The row of a feature a family took (-1: the model has none), undefined when no family has its template. */
  rowOf(name: string): number | undefined {
    const at = this.templateOf(name);
    return at ? at.family.row(at.family.id(name.slice(at.cut)), at.column) : undefined;
  }

  private templateOf(name: string): { family: FeatureFamily; column: number; cut: number } | undefined {
    const cut = name.indexOf('=') + 1;
    const template = cut > 0 ? this.templates.get(name.slice(0, cut)) : undefined;
    return template && { ...template, cut };
  }

  /**
   * The rows of `word`'s features the model has, slot by slot of `OFFSETS` (slot s
   * ends before `ends[s]`), with its normalised form and short shape. The answer is
   * reused by the next call.
   */
  rowsOf(word: string): Readonly<WordRows> {
    const found = this.found;
    const { rows, ends } = found;
    let m = 0;
    const push = (row: number): void => { if (row >= 0) rows[m++] = row; };
    if (word === PAD) {
      const id = this.words.id(PAD);
      for (let slot = 0; slot < OFFSETS.length; slot++) {
        push(this.words.row(id, slot));
        ends[slot] = m;
      }
      found.form = PAD;
      found.shape = shortShape(PAD);
      return found;
    }
    const form = normalise(word);
    const shape = shortShape(word);
    const cap = capCode(word);
    const wordId = this.words.id(form);
    const shapeId = this.shapes.id(shape);
    const capId = this.caps.id(cap);
    const [path, embedding] = this.clusters ? clusterPaths(this.clusters.get(form)) : [];
    const pathRows = this.clusters ? this.slotRows(this.pathRows, path || '', cap, () => pathFeatures(path, cap)) : undefined;
    const embeddingRows = embedding ? this.slotRows(this.embeddingRows, embedding, cap, () => embeddingFeatures(embedding, cap)) : undefined;
    for (let slot = 0; slot < OFFSETS.length; slot++) {
      push(this.words.row(wordId, slot));
      if (slot >= 1 && slot <= 3) {
        push(this.shapes.row(shapeId, slot - 1));
        push(this.caps.row(capId, slot - 1));
      }
      if (slot === 2) {
        for (let k = 1; k <= MAX_AFFIX && k <= form.length; k++) {
          push(this.prefixes.row(this.prefixes.id(form.slice(0, k)), k - 1));
          push(this.suffixes.row(this.suffixes.id(form.slice(-k)), k - 1));
        }
        if (word.length === 1) push(this.rowOfName('len1'));
      }
      for (const part of [pathRows, embeddingRows]) {
        if (part) for (let k = slot > 0 ? part.ends[slot - 1]! : 0; k < part.ends[slot]!; k++) rows[m++] = part.rows[k]!;
      }
      ends[slot] = m;
    }
    found.form = form;
    found.shape = shape;
    return found;
  }

  /** The rows of the features `name` gives for `value` and `cap`, named on the first call for the pair. */
  private slotRows(memo: Map<string, (SlotRows | undefined)[]>, value: string, cap: string, name: () => string[][]): SlotRows {
    let byCap = memo.get(value);
    if (!byCap) memo.set(value, (byCap = []));
    const c = CAP_CODES.indexOf(cap);
    let hit = byCap[c];
    if (!hit) {
      const slots = name().map((names) => names.map(this.rowOfName).filter((row) => row >= 0));
      let end = 0;
      hit = byCap[c] = { rows: Int32Array.from(slots.flat()), ends: Int32Array.from(slots, (rows) => (end += rows.length)) };
    }
    return hit;
  }
}

/** A word's rows slot by slot, with the forms the decoder keys its other features by. */
export interface WordRows {
  form: string;
  shape: string;
  readonly rows: Int32Array;
  readonly ends: Int32Array;
}

/** Rows in slots: slot s is `rows[ends[s - 1] ?? 0 … ends[s]]`. */
interface SlotRows {
  readonly rows: Int32Array;
  readonly ends: Int32Array;
}

/** The capital codes of `capCode` but the padding's. */
const CAP_CODES = ['U', 'C', 'L', 'O'];

/** Most rows of one word: the token's own 26 (form, shape, capital, eight affixes, `len1`, six cluster and eight embedding features), and 5 + 5 + 3 + 3 at the other offsets. */
const MAX_ROWS_PER_WORD = 48;

/**
 * Rows of features whose names are one of a few templates followed by a value
 * ("w-1=" + word, "w=" + word …): a table of values, a column per template, so
 * that one lookup of a value finds every template's row.
 */
class FeatureFamily {
  private readonly ids = new Map<string, number>();
  /** `cells[id * width + column]`: the row of that value and template, -1 when the model has none. */
  private cells = new Int32Array(0);

  constructor(private readonly width: number) {}

  /** At load: `row` is the row of `value` under template `column`. */
  set(value: string, column: number, row: number): void {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
      if ((id + 1) * this.width > this.cells.length) {
        const grown = new Int32Array(Math.max(64, this.cells.length * 2)).fill(-1);
        grown.set(this.cells);
        this.cells = grown;
      }
    }
    this.cells[id * this.width + column] = row;
  }

  /** The id of `value`, -1 when no feature of the family has it. */
  id(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  /** The row of value `id` under template `column`, -1 when there is none. */
  row(id: number, column: number): number {
    return id < 0 ? -1 : this.cells[id * this.width + column]!;
  }
}
