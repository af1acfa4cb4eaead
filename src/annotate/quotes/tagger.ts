import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/index.js';
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
 * An open-addressing hash table from a pair of word ids to a row id, in typed
 * arrays: a lookup is a few integer operations, far cheaper per token than a
 * Map of Maps.
 */
class PairTable {
  private readonly mask: number;
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly value: Int32Array;

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

  /** The value of the pair, or -1. */
  get(a: number, b: number): number {
    for (let k = this.slot(a, b); ; k = (k + 1) & this.mask) {
      const f = this.first[k]!;
      if (f === -1) return -1;
      if (f === a && this.second[k] === b) return this.value[k]!;
    }
  }
}

/**
 * Features that name one word, indexed per word at load so that meeting a new
 * word type costs one lookup: slots 0–3 the neighbour templates (p2, p1, n1,
 * n2), 4 sentence-first, 5–12 t1w per previous tag (PREV_TAGS order), 13–20
 * clw and 21–28 crw per distance bucket.
 */
const WORD_SLOTS = 29;
const SLOT_FIRST = 4;
const SLOT_TAG_WORD = 5;
const SLOT_CUE_LEFT = 13;
const SLOT_CUE_RIGHT = 21;

function wordSlot(name: string): { word: string; slot: number } | undefined {
  const n = NEIGHBOUR_TEMPLATES.findIndex(([prefix]) => name.startsWith(prefix));
  if (n >= 0) return { word: name.slice(3), slot: n };
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

/**
 * Weights with feature names interned to integer ids at load: one Float32Array
 * row of TAGS.length per feature; word-pair features also keyed by the two
 * words' ids, so tagging never builds a pair's name.
 */
class InternedWeights implements TaggerWeights {
  /** Ids of the words the pair features name. */
  readonly vocab = new Map<string, number>();
  /** Per pair kind: (first word id, second word id) → row id. */
  private readonly pairs: PairTable[];
  /** Per word: row ids of the features that name it (WORD_SLOTS layout, -1 where absent). */
  private readonly wordRows = new Map<string, Int32Array>();

  constructor(private readonly ids: ReadonlyMap<string, number>, private readonly rows: Float32Array) {
    const counts = PAIR_KINDS.map((k) => [...ids.keys()].filter((name) => name.startsWith(k)).length);
    this.pairs = counts.map((n) => new PairTable(n));
    for (const [name, id] of ids) {
      const slot = wordSlot(name);
      if (slot) {
        let rows = this.wordRows.get(slot.word);
        if (!rows) { rows = new Int32Array(WORD_SLOTS).fill(-1); this.wordRows.set(slot.word, rows); }
        rows[slot.slot] = id;
        continue;
      }
      const kind = PAIR_KINDS.findIndex((k) => name.startsWith(k));
      if (kind < 0) continue;
      const rest = name.slice(3);
      const bar = rest.indexOf('|', 1);
      if (bar < 0) continue;
      this.pairs[kind]!.set(this.wordId(rest.slice(0, bar)), this.wordId(rest.slice(bar + 1)), id);
    }
  }

  private wordId(word: string): number {
    let id = this.vocab.get(word);
    if (id === undefined) { id = this.vocab.size; this.vocab.set(word, id); }
    return id;
  }

  /** The row of a feature, or undefined when the model does not have it. */
  get(feature: string): Float32Array | undefined {
    const id = this.ids.get(feature);
    return id === undefined ? undefined : this.rows.subarray(id * TAGS.length, (id + 1) * TAGS.length);
  }

  /** The row id of a pair feature (kind 0: previous|word, 1: word|next) by word ids, or -1. */
  pairRow(kind: number, a: number, b: number): number {
    return a < 0 || b < 0 ? -1 : this.pairs[kind]!.get(a, b);
  }

  /** Row ids of the features naming a word (WORD_SLOTS layout), undefined when the model names it nowhere. */
  rowsOfWord(word: string): Int32Array | undefined {
    return this.wordRows.get(word);
  }

  /** All rows, TAGS.length floats per feature id. */
  get table(): Float32Array {
    return this.rows;
  }
}

/** The committed model, at the package root (same depth from src/ and dist/). */
const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/quote-tagger.json', import.meta.url));

/** Turn a model file into weights (feature names interned to ids, one Float32Array for all rows). */
export function weightsFromFile(file: TaggerModelFile, source = 'model'): TaggerWeights {
  if (file.format !== TAGGER_FORMAT || file.tags.join(',') !== TAGS.join(',')) {
    throw new ConfigError('E_QUOTE_MODEL', `${source} is not a ${TAGGER_FORMAT} model with tags ${TAGS.join(',')}: retrain with npm run train:quotes`);
  }
  const names = Object.keys(file.features);
  const ids = new Map<string, number>();
  const rows = new Float32Array(names.length * TAGS.length);
  names.forEach((name, id) => {
    ids.set(name, id);
    const pairs = file.features[name]!;
    for (let k = 0; k < pairs.length; k += 2) rows[id * TAGS.length + pairs[k]!] = pairs[k + 1]! / file.scale;
  });
  return new InternedWeights(ids, rows);
}

let shipped: TaggerWeights | null | undefined;

/** The shipped model's weights, read once; null when the file is absent (the rules then work alone). */
export function shippedWeights(): TaggerWeights | null {
  if (shipped !== undefined) return shipped;
  let raw: string;
  try {
    raw = readFileSync(DEFAULT_MODEL_PATH, 'utf8');
  } catch {
    shipped = null;
    return shipped;
  }
  let parsed: TaggerModelFile;
  try {
    parsed = JSON.parse(raw) as TaggerModelFile;
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
const NONE = new Float32Array(T);
/** Rows one token sums at most: word, bias, 4 neighbours, 9 context and tag rows, first word, 2 cue words. */
const MAX_ROWS_PER_TOKEN = 20;
/** The history bits each tag sets (see nextHistory), by index in TAGS. */
const HISTORY_BITS = Int32Array.from(TAGS, (t) => nextHistory(0, t));

/** The weight rows of the features that read one lower-cased word type, looked up once per type. */
interface LowerWord {
  /** Id in the model's pair vocabulary, -1 when no pair feature names the word. */
  readonly id: number;
  readonly word: string;
  /** p2=, p1=, n1=, n2= with this word as the neighbour. */
  readonly neighbour: readonly Float32Array[];
  readonly first: Float32Array;
  /** t1w per previous tag (PREV_TAGS order). */
  readonly tagWord: readonly Float32Array[];
  /** clw / crw per distance bucket, with this word as the nearest cue. */
  readonly cueLeft: readonly Float32Array[];
  readonly cueRight: readonly Float32Array[];
}

/**
 * Scores a token as the sum of the plain features' weights (the same labels as
 * tagTokensPlain, checked by tagger.test.ts) without building feature strings:
 * a word type's rows come from the per-word index built at load, word pairs
 * from an integer hash table, small-domain features from precomputed tables,
 * and one token's rows are summed in one unrolled loop.
 */
class CachedScorer {
  /** Per word as written: its word features' summed row and its lower-cased type (one lookup per token). */
  private readonly raws = new Map<string, { readonly own: Float32Array; readonly lower: LowerWord }>();
  private readonly lowers = new Map<string, LowerWord>();
  private readonly bias: Float32Array;
  private readonly q: Float32Array[];
  private readonly qp: Float32Array[];
  private readonly sp: Float32Array[];
  private readonly se: Float32Array[];
  private readonly cl: Float32Array[];
  private readonly cr: Float32Array[];
  private readonly clr: Float32Array[];
  /** t1 + t12 + h, by (prev2, prev1, history). */
  private readonly tagRows: Float32Array[];
  private readonly bos: LowerWord;
  private readonly eos: LowerWord;

  private readonly interned: InternedWeights | undefined;

  constructor(private readonly weights: TaggerWeights) {
    this.interned = weights instanceof InternedWeights ? weights : undefined;
    const one = (f: string): Float32Array => this.sum([f]);
    const B = BUCKETS.length;
    this.bias = one('b');
    this.q = [0, 1, 2].map((q) => one(`q=${q}`));
    this.qp = Array.from({ length: 1000 }, (_, k) => one(`qp=${Math.floor(k / 100)}|${Math.floor(k / 10) % 10}|${k % 10}`));
    this.sp = BUCKETS.map((b) => one(`sp=${b}`));
    this.se = BUCKETS.map((b) => one(`se=${b}`));
    this.cl = BUCKETS.map((b) => one(`cl=${b}`));
    this.cr = BUCKETS.map((b) => one(`cr=${b}`));
    this.clr = Array.from({ length: B * B }, (_, k) => one(`clr=${BUCKETS[Math.floor(k / B)]}|${BUCKETS[k % B]}`));
    this.tagRows = [];
    for (const p2 of PREV_TAGS) for (const p1 of PREV_TAGS) for (let h = 0; h < 4; h++) this.tagRows.push(this.sum(tagFeatures(p1, p2, '', h).filter((f) => !f.startsWith('t1w='))));
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

  private row(feature: string): Float32Array {
    return (this.weights.get(feature) as Float32Array | undefined) ?? NONE;
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
      const rows = this.interned.rowsOfWord(word);
      const at = (slot: number): Float32Array => (rows && rows[slot]! >= 0 ? this.interned!.table.subarray(rows[slot]! * T, rows[slot]! * T + T) : NONE);
      w = {
        id: this.interned.vocab.get(word) ?? -1,
        word,
        neighbour: NEIGHBOUR_TEMPLATES.map((_, k) => at(k)),
        first: at(SLOT_FIRST),
        tagWord: PREV_TAGS.map((_, p) => at(SLOT_TAG_WORD + p)),
        cueLeft: BUCKETS.map((_, b) => at(SLOT_CUE_LEFT + b)),
        cueRight: BUCKETS.map((_, b) => at(SLOT_CUE_RIGHT + b)),
      };
    } else {
      w = {
        id: -1,
        word,
        neighbour: NEIGHBOUR_TEMPLATES.map(([name]) => this.row(name + word)),
        first: this.row(`first|${word}`),
        tagWord: PREV_TAGS.map((p) => this.row(`t1w=${p}|${word}`)),
        cueLeft: BUCKETS.map((b) => this.row(`clw=${word}|${b}`)),
        cueRight: BUCKETS.map((b) => this.row(`crw=${word}|${b}`)),
      };
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
    const row = this.row(`${PAIR_KINDS[kind]}${a.word}|${b.word}`);
    for (let t = 0; t < T; t++) scores[t]! += row[t]!;
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
    const table = this.interned?.table;
    // The rows of one token's features, summed in one tight loop (7 tags unrolled by the JIT).
    const picked: Float32Array[] = new Array<Float32Array>(MAX_ROWS_PER_TOKEN).fill(NONE);
    for (const [from, to] of paragraphUnits(input.text, input.toks)) {
      let history = 0;
      for (let i = from; i < to; i++) {
        const word = words[i]!;
        if (i === sentenceFirst[i]) history = 0;
        let m = 0;
        picked[m++] = owns[i]!;
        picked[m++] = this.bias;
        for (let k = 0; k < NEIGHBOUR_TEMPLATES.length; k++) {
          const j = i + NEIGHBOUR_TEMPLATES[k]![1];
          picked[m++] = (j < from ? this.bos : j >= to ? this.eos : words[j]!).neighbour[k]!;
        }
        const q = quoted[i]!;
        const l = cueLeft[i]!;
        const r = cueRight[i]!;
        const dl = l < 0 ? 0 : bucketIndex(i - l);
        const dr = r < 0 ? 0 : bucketIndex(r - i);
        const p1 = i > from ? prevIndex[i - 1]! : 0;
        const p2 = i > from + 1 ? prevIndex[i - 2]! : 0;
        picked[m++] = this.q[q]!;
        picked[m++] = this.qp[(i > from ? quoted[i - 1]! : 9) * 100 + q * 10 + (i + 1 < to ? quoted[i + 1]! : 9)]!;
        picked[m++] = this.sp[bucketIndex(i - sentenceFirst[i]!)]!;
        picked[m++] = this.se[bucketIndex(sentenceLast[i]! - i)]!;
        picked[m++] = this.cl[dl]!;
        picked[m++] = this.cr[dr]!;
        picked[m++] = this.clr[dl * BUCKETS.length + dr]!;
        picked[m++] = this.tagRows[(p2 * PREV_TAGS.length + p1) * 4 + history]!;
        picked[m++] = word.tagWord[p1]!;
        if (i === sentenceFirst[i]) picked[m++] = word.first;
        if (l >= 0 && l !== i) picked[m++] = words[l]!.cueLeft[dl]!;
        if (r >= 0 && r !== i) picked[m++] = words[r]!.cueRight[dr]!;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
        for (let k = 0; k < m; k++) {
          const v = picked[k]!;
          s0 += v[0]!; s1 += v[1]!; s2 += v[2]!; s3 += v[3]!; s4 += v[4]!; s5 += v[5]!; s6 += v[6]!;
        }
        scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4; scores[5] = s5; scores[6] = s6;
        const prev = i > from ? words[i - 1]! : this.bos;
        const next = i + 1 < to ? words[i + 1]! : this.eos;
        if (table) {
          const before = this.interned!.pairRow(0, prev.id, word.id);
          const after = this.interned!.pairRow(1, word.id, next.id);
          if (before >= 0) for (let t = 0, o = before * T; t < T; t++, o++) scores[t]! += table[o]!;
          if (after >= 0) for (let t = 0, o = after * T; t < T; t++, o++) scores[t]! += table[o]!;
        } else {
          this.addPair(scores, 0, prev, word);
          this.addPair(scores, 1, word, next);
        }
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
