import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/index.js';
import { PairTable } from '../shared/pair-table.js';
import { featureCount, forEachFeature, readSparseModel, type SparseFeatures } from '../shared/sparse-model.js';
import {
  BUCKETS, bucketIndex, NEIGHBOUR_TEMPLATES, nextHistory, START_TAG, staticFeatures, tagFeatures, paragraphUnits, tokenFacts, wordFeatures,
  type TaggerText, type TokenFacts,
} from './tagger-features.js';

/**
 * The attribution tagger: an averaged perceptron labelling tokens BIO for
 * SOURCE, CUE and CONTENT, decoded greedily left to right with the two
 * previous tags and what the sentence so far holds as features. Trained by
 * scripts/train-quote-tagger.ts.
 */

export const TAGGER_FORMAT = 'parallax-quote-tagger/1';
export const TAGS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
export type Tag = (typeof TAGS)[number];

/** The JSON form of a trained tagger, as stored in `models/quote-tagger.json`. */
export interface TaggerModelFile {
  readonly format: typeof TAGGER_FORMAT;
  readonly tags: readonly string[];
  /** Weights are stored as integers: weight × scale, rounded. */
  readonly scale: number;
  /** feature → flattened [tagIndex, weight, tagIndex, weight, …]. */
  readonly features: Readonly<Record<string, readonly number[]>>;
  readonly trainedOn?: string;
  readonly meta?: Readonly<Record<string, string | number>>;
}

/** Read-only weights: feature → one score per tag (in TAGS order). */
export interface TaggerWeights {
  get(feature: string): ArrayLike<number> | undefined;
}

/**
 * Features that name one word, indexed per word at load so that meeting a new
 * word type costs one lookup: slots 0–3 the neighbour templates (p2, p1, n1,
 * n2), 4 sentence-first, 5–12 t1w per previous tag (PREV_TAGS order), 13–20
 * clw and 21–28 crw per distance bucket (the fast path reads these), 29 the
 * word itself (`w=`, read by name through {@link InternedWeights.get}).
 */
const WORD_SLOTS = 30;
const SLOT_FIRST = 4;
const SLOT_TAG_WORD = 5;
const SLOT_CUE_LEFT = 13;
const SLOT_CUE_RIGHT = 21;
const SLOT_WORD = 29;

function wordSlot(name: string): { word: string; slot: number } | undefined {
  const n = NEIGHBOUR_TEMPLATES.findIndex(([prefix]) => name.startsWith(prefix));
  if (n >= 0) return { word: name.slice(3), slot: n };
  if (name.startsWith('w=')) return { word: name.slice(2), slot: SLOT_WORD };
  if (name.startsWith('first|')) return { word: name.slice(6), slot: SLOT_FIRST };
  if (name.startsWith('t1w=')) {
    const bar = name.indexOf('|', 4);
    const prev = PREV_TAGS.indexOf(name.slice(4, bar) as (typeof PREV_TAGS)[number]);
    return bar < 0 || prev < 0 ? undefined : { word: name.slice(bar + 1), slot: SLOT_TAG_WORD + prev };
  }
  for (const [prefix, base] of [['clw=', SLOT_CUE_LEFT], ['crw=', SLOT_CUE_RIGHT]] as const) {
    if (!name.startsWith(prefix)) continue;
    const bar = name.lastIndexOf('|');
    const bucket = BUCKETS.indexOf(name.slice(bar + 1) as (typeof BUCKETS)[number]);
    return bar <= 4 || bucket < 0 ? undefined : { word: name.slice(4, bar), slot: base + bucket };
  }
  return undefined;
}

/** Prefixes of the word-pair features, looked up by a pair of word ids instead of by name. */
const PAIR_KINDS = ['pw=', 'wn='] as const;

/** A word-pair feature's kind (index in PAIR_KINDS) and its two words, or undefined when the name is none. */
function wordPair(name: string): { kind: number; first: string; second: string } | undefined {
  const kind = PAIR_KINDS.findIndex((k) => name.startsWith(k));
  if (kind < 0) return undefined;
  const bar = name.indexOf('|', 4);
  return bar < 0 ? undefined : { kind, first: name.slice(3, bar), second: name.slice(bar + 1) };
}

/**
 * Weights with feature names interned at load and not kept: one Float32Array
 * row of TAGS.length per feature (in file order); the words that the word and
 * word-pair features name interned to ids once; a word's features found by
 * its id in one shared table of row offsets (WORD_SLOTS per word), a pair's by
 * its two ids in an integer hash table; the few hundred other features by
 * name. A feature is still found by name ({@link get}): its name is parsed
 * back into its word (or words) and slot.
 */
class InternedWeights implements TaggerWeights {
  /** Ids of the words the word and pair features name. */
  readonly vocab: ReadonlyMap<string, number>;
  /**
   * Offset in `table` of each word's rows, WORD_SLOTS per word id (`zeroOffset` where the model
   * has no such feature); one more block after the words', all `zeroOffset`, for words it never names.
   */
  readonly slots: Int32Array;
  /** Start in `slots` of the block of a word the model never names. */
  readonly unknownBase: number;
  /** Per pair kind: (first word id, second word id) → row id. */
  private readonly pairs: readonly PairTable[];
  /** Row ids of the features that are neither word nor pair features. */
  private readonly others: ReadonlyMap<string, number>;
  /** Offset in `table` of a row of zeros, after the features' rows: what an absent feature adds. */
  readonly zeroOffset: number;

  /** `rows` holds one row per feature, then one more row of zeros. */
  constructor(
    parts: { vocab: ReadonlyMap<string, number>; slots: Int32Array; pairs: readonly PairTable[]; others: ReadonlyMap<string, number> },
    private readonly rows: Float32Array,
  ) {
    this.vocab = parts.vocab;
    this.slots = parts.slots;
    this.pairs = parts.pairs;
    this.others = parts.others;
    this.zeroOffset = rows.length - TAGS.length;
    this.unknownBase = this.vocab.size * WORD_SLOTS;
  }

  /** The row id of a feature by name, or -1 when the model does not have it. */
  private rowOf(feature: string): number {
    const slot = wordSlot(feature);
    if (slot) {
      const id = this.vocab.get(slot.word);
      const offset = id === undefined ? this.zeroOffset : this.slots[id * WORD_SLOTS + slot.slot]!;
      return offset === this.zeroOffset ? -1 : offset / TAGS.length;
    }
    const pair = wordPair(feature);
    if (pair) return this.pairRow(pair.kind, this.vocab.get(pair.first) ?? -1, this.vocab.get(pair.second) ?? -1);
    return this.others.get(feature) ?? -1;
  }

  /** The row of a feature, or undefined when the model does not have it. */
  get(feature: string): Float32Array | undefined {
    const id = this.rowOf(feature);
    return id < 0 ? undefined : this.rows.subarray(id * TAGS.length, (id + 1) * TAGS.length);
  }

  /** The row id of a pair feature (kind 0: previous|word, 1: word|next) by word ids, or -1. */
  pairRow(kind: number, a: number, b: number): number {
    return a < 0 || b < 0 ? -1 : this.pairs[kind]!.get(a, b);
  }

  /** All rows, TAGS.length floats per feature id. */
  get table(): Float32Array {
    return this.rows;
  }
}

/** Index the features of a model file by word, word pair and (the rest) name, without keeping the word and pair features' names. */
function internFeatures(names: (visit: (name: string, row: number) => void) => void, zeroOffset: number): ConstructorParameters<typeof InternedWeights>[0] {
  const vocab = new Map<string, number>();
  const wordId = (word: string): number => {
    let id = vocab.get(word);
    if (id === undefined) { id = vocab.size; vocab.set(word, id); }
    return id;
  };
  const others = new Map<string, number>();
  // first pass: intern the words, keep (word id, slot, row) and (kind, first id, second id, row) in flat lists
  const slotted: number[] = [];
  const paired: number[] = [];
  const pairCounts = PAIR_KINDS.map(() => 0);
  names((name, row) => {
    const slot = wordSlot(name);
    if (slot) { slotted.push(wordId(slot.word), slot.slot, row); return; }
    const pair = wordPair(name);
    if (pair) { paired.push(pair.kind, wordId(pair.first), wordId(pair.second), row); pairCounts[pair.kind]!++; return; }
    others.set(name, row);
  });
  const slots = new Int32Array((vocab.size + 1) * WORD_SLOTS).fill(zeroOffset);
  for (let k = 0; k < slotted.length; k += 3) slots[slotted[k]! * WORD_SLOTS + slotted[k + 1]!] = slotted[k + 2]! * TAGS.length;
  const pairs = pairCounts.map((n) => new PairTable(n));
  for (let k = 0; k < paired.length; k += 4) pairs[paired[k]!]!.set(paired[k + 1]!, paired[k + 2]!, paired[k + 3]!);
  return { vocab, slots, pairs, others };
}

/** The committed model, at the package root (same depth from src/ and dist/). */
const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/quote-tagger.json', import.meta.url));

/** Turn a model file into weights (feature names interned to ids, one Float32Array for all rows). */
export function weightsFromFile(file: Omit<TaggerModelFile, 'features'> & { readonly features: SparseFeatures }, source = 'model'): TaggerWeights {
  if (file.format !== TAGGER_FORMAT || file.tags.join(',') !== TAGS.join(',')) {
    throw new ConfigError('E_QUOTE_MODEL', `${source} is not a ${TAGGER_FORMAT} model with tags ${TAGS.join(',')}: retrain with npm run train:quotes`);
  }
  const count = featureCount(file.features);
  // one more row, of zeros, for the scorer's absent features
  const rows = new Float32Array((count + 1) * TAGS.length);
  forEachFeature(file.features, (_, id, pairs, from, to) => {
    for (let k = from; k < to; k += 2) rows[id * TAGS.length + pairs[k]!] = pairs[k + 1]! / file.scale;
  });
  const parts = internFeatures((visit) => forEachFeature(file.features, (name, row) => visit(name, row)), count * TAGS.length);
  return new InternedWeights(parts, rows);
}

let shipped: TaggerWeights | null | undefined;

/** The shipped model's weights, read once; null when the file is absent (the rules then work alone). */
export function shippedWeights(): TaggerWeights | null {
  if (shipped !== undefined) return shipped;
  let raw: Buffer;
  try {
    raw = readFileSync(DEFAULT_MODEL_PATH);
  } catch {
    shipped = null;
    return shipped;
  }
  let parsed: Omit<TaggerModelFile, 'features'> & { readonly features: SparseFeatures };
  try {
    // the weights read as rows, not as an object of 420k arrays (see sparse-model.ts)
    parsed = readSparseModel(raw, [['features']]) as typeof parsed;
  } catch (cause) {
    throw new ConfigError('E_QUOTE_MODEL', `${DEFAULT_MODEL_PATH} is not valid JSON: retrain with npm run train:quotes`, { cause });
  }
  shipped = weightsFromFile(parsed, DEFAULT_MODEL_PATH);
  return shipped;
}

/** BIO forbids I-X after anything but B-X or I-X. */
export function allowed(prev: string, tag: string): boolean {
  if (!tag.startsWith('I-')) return true;
  return prev.length > 2 && prev.slice(2) === tag.slice(2);
}

function addScores(weights: TaggerWeights, features: readonly string[], out: Float64Array): void {
  for (const f of features) {
    const w = weights.get(f);
    if (!w) continue;
    for (let t = 0; t < out.length; t++) out[t]! += w[t]!;
  }
}

/**
 * Tag every token of the text, a paragraph at a time, from the plain feature
 * lists (the reference the fast path in {@link tagTokens} must agree with).
 */
export function tagTokensPlain(weights: TaggerWeights, input: TaggerText, facts: TokenFacts = tokenFacts(input)): Tag[] {
  const tags: Tag[] = new Array<Tag>(input.toks.length).fill('O');
  const scores = new Float64Array(TAGS.length);
  for (const [from, to] of paragraphUnits(input.text, input.toks)) {
    const feats = staticFeatures(input, facts, from, to);
    let history = 0;
    for (let i = from; i < to; i++) {
      if (i === facts.sentenceFirst[i]) history = 0;
      const prev1 = i > from ? tags[i - 1]! : START_TAG;
      const prev2 = i > from + 1 ? tags[i - 2]! : START_TAG;
      scores.fill(0);
      addScores(weights, feats[i - from]!, scores);
      addScores(weights, tagFeatures(prev1, prev2, facts.lower[i]!, history), scores);
      tags[i] = bestTag(PREV_INDEX.get(prev1)!, scores);
      history = nextHistory(history, tags[i]!);
    }
  }
  return tags;
}

const PREV_TAGS = [START_TAG, ...TAGS] as const;
const PREV_INDEX = new Map<string, number>(PREV_TAGS.map((t, i) => [t, i]));
const T = TAGS.length;
/** ALLOWED[p * T + t]: tag t may follow previous tag p (an index into PREV_TAGS). */
const ALLOWED = Uint8Array.from({ length: PREV_TAGS.length * T }, (_, k) => (allowed(PREV_TAGS[Math.floor(k / T)]!, TAGS[k % T]!) ? 1 : 0));

/** Index in TAGS of the best-scoring tag allowed after `prev1` (an index into PREV_TAGS). */
function bestIndex(prev1: number, scores: Float64Array): number {
  let best = 0;
  for (let t = 1; t < T; t++) {
    if (ALLOWED[prev1 * T + t] === 1 && scores[t]! > scores[best]!) best = t;
  }
  return best;
}

function bestTag(prev1: number, scores: Float64Array): Tag {
  return TAGS[bestIndex(prev1, scores)]!;
}

/** Word-type caches are dropped past this many entries, so memory stays bounded over long runs. */
const MAX_CACHED_WORDS = 200_000;
/** The history bits each tag sets (see nextHistory), by index in TAGS. */
const HISTORY_BITS = Int32Array.from(TAGS, (t) => nextHistory(0, t));

/** The weight rows of the features that read one lower-cased word type, looked up once per type. */
interface LowerWord {
  /** Id in the model's pair vocabulary, -1 when no pair feature names the word. */
  readonly id: number;
  readonly word: string;
  /**
   * Offsets in the scorer's word table of the rows naming this word, from `base` on (WORD_SLOTS
   * layout: p2=, p1=, n1=, n2= as the neighbour; first; t1w per previous tag; clw / crw per
   * distance bucket), a row of zeros where the model has none: with interned weights the
   * model's shared table of word rows, otherwise the word's own.
   */
  readonly rows: Int32Array;
  readonly base: number;
}

/** Offsets in the scorer's table of small-domain rows: bias, q, qp, sp, se, cl, cr, clr, tag rows. */
const STATIC_BIAS = 0;
const STATIC_Q = STATIC_BIAS + T;
const STATIC_QP = STATIC_Q + 3 * T;
const STATIC_SP = STATIC_QP + 1000 * T;
const STATIC_SE = STATIC_SP + BUCKETS.length * T;
const STATIC_CL = STATIC_SE + BUCKETS.length * T;
const STATIC_CR = STATIC_CL + BUCKETS.length * T;
const STATIC_CLR = STATIC_CR + BUCKETS.length * T;
const STATIC_TAG = STATIC_CLR + BUCKETS.length * BUCKETS.length * T;
const STATIC_ROWS = STATIC_TAG / T + PREV_TAGS.length * PREV_TAGS.length * 4;

/**
 * Scores a token as the sum of the plain features' weights (the same labels as
 * tagTokensPlain, checked by tagger.test.ts) without building feature strings:
 * a word type's rows come from the per-word index built at load, word pairs
 * from an integer hash table, small-domain features from precomputed tables.
 * Every row is read by offset from one of two flat Float32Arrays (the model's
 * word rows, the small-domain sums), so one token's ~20 rows are summed without
 * an object per row; the sums add the rows in the plain features' order.
 */
class CachedScorer {
  /** Per word as written: its word features' summed row and its lower-cased type (one lookup per token). */
  private readonly raws = new Map<string, { readonly own: Float32Array; readonly lower: LowerWord }>();
  private readonly lowers = new Map<string, LowerWord>();
  /** The small-domain rows (offsets STATIC_*): bias, quote state, distances, tag history. */
  private readonly statics = new Float32Array(STATIC_ROWS * T);
  /**
   * The rows words name: the model's own table with interned weights; otherwise
   * rows copied here as words are met (offset 0 is a row of zeros).
   */
  private wordTable: Float32Array;
  private wordTableUsed = T;
  private readonly zeroOffset: number;
  private readonly bos: LowerWord;
  private readonly eos: LowerWord;

  private readonly interned: InternedWeights | undefined;

  constructor(private readonly weights: TaggerWeights) {
    this.interned = weights instanceof InternedWeights ? weights : undefined;
    this.wordTable = this.interned ? this.interned.table : new Float32Array(64 * T);
    this.zeroOffset = this.interned ? this.interned.zeroOffset : 0;
    const B = BUCKETS.length;
    const put = (offset: number, features: readonly string[]): void => this.statics.set(this.sum(features), offset);
    put(STATIC_BIAS, ['b']);
    for (let q = 0; q < 3; q++) put(STATIC_Q + q * T, [`q=${q}`]);
    for (let k = 0; k < 1000; k++) put(STATIC_QP + k * T, [`qp=${Math.floor(k / 100)}|${Math.floor(k / 10) % 10}|${k % 10}`]);
    BUCKETS.forEach((b, k) => {
      put(STATIC_SP + k * T, [`sp=${b}`]);
      put(STATIC_SE + k * T, [`se=${b}`]);
      put(STATIC_CL + k * T, [`cl=${b}`]);
      put(STATIC_CR + k * T, [`cr=${b}`]);
    });
    for (let k = 0; k < B * B; k++) put(STATIC_CLR + k * T, [`clr=${BUCKETS[Math.floor(k / B)]}|${BUCKETS[k % B]}`]);
    let row = 0;
    for (const p2 of PREV_TAGS) for (const p1 of PREV_TAGS) for (let h = 0; h < 4; h++) put(STATIC_TAG + T * row++, tagFeatures(p1, p2, '', h).filter((f) => !f.startsWith('t1w=')));
    this.bos = this.lower(START_TAG);
    this.eos = this.lower('</s>');
  }

  private sum(features: readonly string[]): Float32Array {
    const out = new Float32Array(T);
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let t = 0; t < T; t++) out[t]! += w[t]!;
    }
    return out;
  }

  /** Without interned weights: copy a feature's row into the word table, returning its offset (0, the zeros, when absent). */
  private copied(feature: string): number {
    const row = this.weights.get(feature);
    if (!row) return 0;
    if (this.wordTableUsed + T > this.wordTable.length) {
      const grown = new Float32Array(this.wordTable.length * 2);
      grown.set(this.wordTable);
      this.wordTable = grown;
    }
    const offset = this.wordTableUsed;
    for (let t = 0; t < T; t++) this.wordTable[offset + t] = row[t]!;
    this.wordTableUsed += T;
    return offset;
  }

  private trim(): void {
    if (this.raws.size + this.lowers.size > MAX_CACHED_WORDS) {
      this.raws.clear();
      this.lowers.clear();
      this.lowers.set(START_TAG, this.bos);
      this.lowers.set('</s>', this.eos);
    }
  }

  private written(raw: string, lower: string): { readonly own: Float32Array; readonly lower: LowerWord } {
    let v = this.raws.get(raw);
    if (!v) { v = { own: this.sum(wordFeatures(raw, lower)), lower: this.lower(lower) }; this.raws.set(raw, v); }
    return v;
  }

  private lower(word: string): LowerWord {
    let w = this.lowers.get(word);
    if (w) return w;
    if (this.interned) {
      const id = this.interned.vocab.get(word) ?? -1;
      w = { id, word, rows: this.interned.slots, base: id < 0 ? this.interned.unknownBase : id * WORD_SLOTS };
    } else {
      const rows = new Int32Array(WORD_SLOTS);
      NEIGHBOUR_TEMPLATES.forEach(([name], k) => (rows[k] = this.copied(name + word)));
      rows[SLOT_FIRST] = this.copied(`first|${word}`);
      PREV_TAGS.forEach((p, k) => (rows[SLOT_TAG_WORD + k] = this.copied(`t1w=${p}|${word}`)));
      BUCKETS.forEach((b, k) => {
        rows[SLOT_CUE_LEFT + k] = this.copied(`clw=${word}|${b}`);
        rows[SLOT_CUE_RIGHT + k] = this.copied(`crw=${word}|${b}`);
      });
      w = { id: -1, word, rows, base: 0 };
    }
    this.lowers.set(word, w);
    return w;
  }

  /** Add a word-pair feature's row to the scores: by ids with interned weights (no allocation), else by name. */
  private addPair(scores: Float64Array, kind: number, a: LowerWord, b: LowerWord): void {
    if (this.interned) {
      const id = this.interned.pairRow(kind, a.id, b.id);
      if (id < 0) return;
      const rows = this.interned.table;
      for (let t = 0, k = id * T; t < T; t++, k++) scores[t]! += rows[k]!;
      return;
    }
    const row = this.weights.get(`${PAIR_KINDS[kind]}${a.word}|${b.word}`);
    if (row) for (let t = 0; t < T; t++) scores[t]! += row[t]!;
  }

  tag(input: TaggerText, facts: TokenFacts): Tag[] {
    this.trim();
    const n = input.toks.length;
    const tags: Tag[] = new Array<Tag>(n).fill('O');
    const prevIndex = new Int32Array(n);
    const scores = new Float64Array(T);
    const words: LowerWord[] = new Array<LowerWord>(n);
    const owns: Float32Array[] = new Array<Float32Array>(n);
    for (let i = 0; i < n; i++) {
      const w = this.written(input.toks[i]!.text, facts.lower[i]!);
      words[i] = w.lower;
      owns[i] = w.own;
    }
    const { quoted, sentenceFirst, sentenceLast, cueLeft, cueRight } = facts;
    // read after every word is known: without interned weights the table grows as words are met
    const table = this.wordTable;
    const statics = this.statics;
    // one token's rows in the plain features' order: bias (statics), 4 neighbours (word table),
    // 8 context and tag rows (statics), then the tag-word, first-word and cue-word rows (word table)
    const neighbours = new Int32Array(NEIGHBOUR_TEMPLATES.length);
    const context = new Int32Array(8);
    const wordRows = new Int32Array(4);
    for (const [from, to] of paragraphUnits(input.text, input.toks)) {
      let history = 0;
      for (let i = from; i < to; i++) {
        const word = words[i]!;
        if (i === sentenceFirst[i]) history = 0;
        for (let k = 0; k < NEIGHBOUR_TEMPLATES.length; k++) {
          const j = i + NEIGHBOUR_TEMPLATES[k]![1];
          const n = j < from ? this.bos : j >= to ? this.eos : words[j]!;
          neighbours[k] = n.rows[n.base + k]!;
        }
        const q = quoted[i]!;
        const l = cueLeft[i]!;
        const r = cueRight[i]!;
        const dl = l < 0 ? 0 : bucketIndex(i - l);
        const dr = r < 0 ? 0 : bucketIndex(r - i);
        const p1 = i > from ? prevIndex[i - 1]! : 0;
        const p2 = i > from + 1 ? prevIndex[i - 2]! : 0;
        context[0] = STATIC_Q + q * T;
        context[1] = STATIC_QP + ((i > from ? quoted[i - 1]! : 9) * 100 + q * 10 + (i + 1 < to ? quoted[i + 1]! : 9)) * T;
        context[2] = STATIC_SP + bucketIndex(i - sentenceFirst[i]!) * T;
        context[3] = STATIC_SE + bucketIndex(sentenceLast[i]! - i) * T;
        context[4] = STATIC_CL + dl * T;
        context[5] = STATIC_CR + dr * T;
        context[6] = STATIC_CLR + (dl * BUCKETS.length + dr) * T;
        context[7] = STATIC_TAG + ((p2 * PREV_TAGS.length + p1) * 4 + history) * T;
        let w = 0;
        wordRows[w++] = word.rows[word.base + SLOT_TAG_WORD + p1]!;
        if (i === sentenceFirst[i]) wordRows[w++] = word.rows[word.base + SLOT_FIRST]!;
        if (l >= 0 && l !== i) { const c = words[l]!; wordRows[w++] = c.rows[c.base + SLOT_CUE_LEFT + dl]!; }
        if (r >= 0 && r !== i) { const c = words[r]!; wordRows[w++] = c.rows[c.base + SLOT_CUE_RIGHT + dr]!; }
        const own = owns[i]!;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
        s0 += own[0]!; s1 += own[1]!; s2 += own[2]!; s3 += own[3]!; s4 += own[4]!; s5 += own[5]!; s6 += own[6]!;
        s0 += statics[STATIC_BIAS]!; s1 += statics[STATIC_BIAS + 1]!; s2 += statics[STATIC_BIAS + 2]!; s3 += statics[STATIC_BIAS + 3]!;
        s4 += statics[STATIC_BIAS + 4]!; s5 += statics[STATIC_BIAS + 5]!; s6 += statics[STATIC_BIAS + 6]!;
        for (let k = 0; k < neighbours.length; k++) {
          const o = neighbours[k]!;
          s0 += table[o]!; s1 += table[o + 1]!; s2 += table[o + 2]!; s3 += table[o + 3]!; s4 += table[o + 4]!; s5 += table[o + 5]!; s6 += table[o + 6]!;
        }
        for (let k = 0; k < context.length; k++) {
          const o = context[k]!;
          s0 += statics[o]!; s1 += statics[o + 1]!; s2 += statics[o + 2]!; s3 += statics[o + 3]!; s4 += statics[o + 4]!; s5 += statics[o + 5]!; s6 += statics[o + 6]!;
        }
        for (let k = 0; k < w; k++) {
          const o = wordRows[k]!;
          s0 += table[o]!; s1 += table[o + 1]!; s2 += table[o + 2]!; s3 += table[o + 3]!; s4 += table[o + 4]!; s5 += table[o + 5]!; s6 += table[o + 6]!;
        }
        scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4; scores[5] = s5; scores[6] = s6;
        const prev = i > from ? words[i - 1]! : this.bos;
        const next = i + 1 < to ? words[i + 1]! : this.eos;
        this.addPair(scores, 0, prev, word);
        this.addPair(scores, 1, word, next);
        const best = bestIndex(p1, scores);
        tags[i] = TAGS[best]!;
        prevIndex[i] = best + 1;
        history |= HISTORY_BITS[best]!;
      }
    }
    return tags;
  }
}

const scorers = new WeakMap<TaggerWeights, CachedScorer>();

/** Tag every token of the text, a paragraph at a time (greedy, left to right). */
export function tagTokens(weights: TaggerWeights, input: TaggerText, facts: TokenFacts = tokenFacts(input)): Tag[] {
  let scorer = scorers.get(weights);
  if (!scorer) { scorer = new CachedScorer(weights); scorers.set(weights, scorer); }
  return scorer.tag(input, facts);
}
