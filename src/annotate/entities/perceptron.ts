import type { Lexicon } from './gazetteer.js';
import {
  LEFT_PAIR, OFFSETS, PAD, PAIR_JOIN, RIGHT_PAIR, gazetteerKey, groupGazetteerFeatures, groupPosFeatures, sentenceForms,
  tokenContext, groupContextFeatures, type ClusterLookup, type SentenceInput, type TokenContext,
} from './features.js';
import { WordFeatureRows, type WordRows } from './word-rows.js';
import { WordTable } from './word-table.js';
import { PairTable } from '../shared/pair-table.js';
import { sumRows } from '../shared/row-sum.js';
import { PackedStringMap } from '../shared/string-map.js';
import { featureCount, forEachFeature, type SparseFeatures } from '../shared/sparse-model.js';

/** The JSON form of a trained tagger, as stored in `models/ner-perceptron.json`. */
export interface PerceptronModelFile {
  readonly format: typeof MODEL_FORMAT;
  readonly tags: readonly string[];
  /** Weights are stored as integers: weight × scale, rounded. */
  readonly scale: number;
  /** feature → flattened [tagIndex, weight, tagIndex, weight, …]; `t-1=X` rows are tag transitions. */
  readonly features: Readonly<Record<string, readonly number[]>>;
  /**
   * The second-pass tagger, whose features also read the first pass's labels of
   * the same word elsewhere in the document (document consistency).
   */
  readonly secondPass?: Pick<PerceptronModelFile, 'tags' | 'scale' | 'features'>;
  /** Word → cluster path learned from unlabeled text (only the ids, no text). */
  readonly clusters?: Readonly<Record<string, string>>;
  /** Word lists derived at training time that the gazetteer adds to its own (see scripts/train-ner.ts). */
  readonly lexicon?: Lexicon;
  readonly trainedOn?: string;
  readonly meta?: Readonly<Record<string, string | number>>;
}

export const MODEL_FORMAT = 'parallax-ner-perceptron/2';

/** The feature naming the tag before the current one: its weights are the transition scores. */
export function transitionFeature(prev: string): string {
  return 't-1=' + prev;
}

/**
 * Tag-to-tag moves BILOU allows: inside a name (after B-X or I-X) only I-X or
 * L-X may follow; outside one, only O, B-* or U-*.
 */
export function allowed(prev: string, tag: string): boolean {
  const inside = prev.startsWith('B-') || prev.startsWith('I-');
  if (inside) return (tag.startsWith('I-') || tag.startsWith('L-')) && tag.slice(2) === prev.slice(2);
  return tag === 'O' || tag.startsWith('B-') || tag.startsWith('U-');
}

/** A tag a sentence may end with: not inside an open name. */
export function allowedLast(tag: string): boolean {
  return !tag.startsWith('B-') && !tag.startsWith('I-');
}

/** BIO tags → BILOU tags (single-token names U-, last tokens L-). */
export function toBilou(bio: readonly string[]): string[] {
  return bio.map((tag, i) => {
    if (tag === 'O') return tag;
    const type = tag.slice(2);
    const continues = bio[i + 1] === 'I-' + type;
    if (tag.startsWith('B-') || bio[i - 1]?.slice(2) !== type) return (continues ? 'B-' : 'U-') + type;
    return (continues ? 'I-' : 'L-') + type;
  });
}

/** Allowed-move tables of a tag set: row `prev` (the last row is the sentence start), column `tag`. */
export function transitionTables(tags: readonly string[]): TransitionTables {
  const n = tags.length;
  const moves = new Uint8Array((n + 1) * n);
  for (let p = 0; p <= n; p++) for (let t = 0; t < n; t++) moves[p * n + t] = allowed(p === n ? PAD : tags[p]!, tags[t]!) ? 1 : 0;
  const previous = tags.map((_, t) => Int32Array.from(tags.flatMap((__, p) => (moves[p * n + t] ? [p] : []))));
  return { moves, previous, last: Uint8Array.from(tags, (t) => (allowedLast(t) ? 1 : 0)) };
}

/** Allowed moves: `moves[prev * tags + tag]`, the tags allowed before each tag, and the tags a sentence may end with. */
export interface TransitionTables {
  readonly moves: Uint8Array;
  readonly previous: readonly Int32Array[];
  readonly last: Uint8Array;
}

/** The work arrays of `viterbi`, grown as needed: a decoder keeps one, and allocates none per sentence. */
export class ViterbiScratch {
  best = new Float64Array(0);
  back = new Int32Array(0);

  /** Room for `size` cells (tokens × tags). */
  fit(size: number): void {
    if (this.best.length >= size) return;
    this.best = new Float64Array(size * 2);
    this.back = new Int32Array(size * 2);
  }
}

/**
 * Best tag sequence (Viterbi) given per-token tag scores `emissions`
 * (`length × tags`, row-major) and transition scores `transitions`
 * (`(tags + 1) × tags`, the last row from the sentence start).
 */
export function viterbi(
  emissions: ArrayLike<number>,
  length: number,
  tagCount: number,
  transitions: ArrayLike<number>,
  tables: TransitionTables,
  scratch = new ViterbiScratch(),
): Int32Array {
  const n = tagCount;
  // every cell read is written first: the scratch needs no clearing
  scratch.fit(length * n);
  const { best, back } = scratch;
  for (let t = 0; t < n; t++) best[t] = tables.moves[n * n + t] ? emissions[t]! + transitions[n * n + t]! : -Infinity;
  for (let i = 1; i < length; i++) {
    for (let t = 0; t < n; t++) {
      let top = -Infinity;
      let arg = 0;
      const previous = tables.previous[t]!;
      for (let k = 0; k < previous.length; k++) {
        const p = previous[k]!;
        const s = best[(i - 1) * n + p]! + transitions[p * n + t]!;
        if (s > top) {
          top = s;
          arg = p;
        }
      }
      best[i * n + t] = top + emissions[i * n + t]!;
      back[i * n + t] = arg;
    }
  }
  const path = new Int32Array(length);
  if (length === 0) return path;
  let top = -Infinity;
  for (let t = 0; t < n; t++) {
    const s = best[(length - 1) * n + t]!;
    if (tables.last[t] && s > top) {
      top = s;
      path[length - 1] = t;
    }
  }
  for (let i = length - 1; i > 0; i--) path[i - 1] = back[i * n + path[i]!]!;
  return path;
}

const STARTS_UPPER = /^\p{Lu}/u;

/** Past this many entries a context-group cache starts afresh, bounding its memory. */
const MAX_CACHED_WORDS = 200_000;
/**
 * Words kept per generation of the per-word score cache (see WordTable): about
 * 6 MB in all. On a stream of unseen news (PolNeAR, 924 articles) 3.9% of tokens
 * then miss it, against 7.5% at half the size.
 */
const MAX_CACHED_WORD_ENTRIES = 12_000;

/**
 * Sizes of the integer keys of the cached feature groups: each part of a key is
 * a small symbol id below its radix, so that a whole key stays below 2^30, a
 * small integer V8 hashes without allocating. A symbol past its radix (rare on
 * news) sends that token down the string-keyed path instead.
 */
const SHAPE_RADIX = 1024;
/** Gazetteer tag lists of a token ("O", "B-GPE", "B-FIRST,B-GPE" …). */
const GAZETTEER_RADIX = 32;
/** Document hints and first-pass labels: a handful of values each. */
const HINT_RADIX = 8;
const LABEL_RADIX = 8;
/** Universal parts of speech (17) and the padding. */
const POS_RADIX = 32;
/** Document contexts (`documentContext`): three casings × six places. */
const CONTEXT_RADIX = 64;

/** Rows one token sums at most: two word pairs, four context groups, five word-feature offsets. */
const MAX_ROWS_PER_TOKEN = 11;
/** The shape-trigram group is that one feature. */
const shapeTrigram = (c: TokenContext): readonly string[] => [c.shapeTrigram];

/** Symbols (strings) interned to dense ids, up to a limit. */
class Symbols {
  private readonly ids = new Map<string | undefined, number>();
  constructor(private readonly limit: number) {}
  /** The id of `symbol`, or -1 when the table is full. */
  id(symbol: string | undefined): number {
    let id = this.ids.get(symbol);
    if (id === undefined) {
      if (this.ids.size >= this.limit) return -1;
      id = this.ids.size;
      this.ids.set(symbol, id);
    }
    return id;
  }
}

/**
 * A trained tagger ready to decode: feature weights interned into one
 * Float32Array, word-feature sums cached per distinct word, Viterbi over BILOU.
 */
export class TaggerModel {
  readonly tagCount: number;
  private readonly transitions: Float32Array;
  private readonly tables: TransitionTables;
  /** Per distinct word: its word-feature sums at each offset of `OFFSETS` and the ids its context keys read. */
  private readonly words: WordTable;
  /** Summed weights of context groups that repeat, by integer key (see `emissions`) or, on the rare fallback, by name. */
  private readonly shapeCache = new Map<number, Float32Array>();
  private readonly gazetteerCache = new Map<number, Float32Array>();
  private readonly posCache = new Map<number, Float32Array>();
  private readonly contextCache = new Map<number, Float32Array>();
  private readonly groupCache = new Map<string, Float32Array>();
  /** Ids of the words the pair features name, and the pairs' rows by (first word id, second word id). */
  private readonly pairVocabulary = new Map<string, number>();
  private readonly leftPairs: PairTable;
  private readonly rightPairs: PairTable;
  private readonly shapes = new Symbols(SHAPE_RADIX);
  private readonly gazetteerSymbols = new Symbols(GAZETTEER_RADIX);
  private readonly hintSymbols = new Symbols(HINT_RADIX);
  private readonly labelSymbols = new Symbols(LABEL_RADIX);
  private readonly posSymbols = new Symbols(POS_RADIX);
  private readonly contextSymbols = new Symbols(CONTEXT_RADIX);
  /** Past the sentence ends: the pad's word-feature sums, and the pad as pair word and shape, as in `tokenContext`. */
  private readonly padScores: Float32Array;
  private readonly padPairId: number;
  private readonly padShapeId: number;
  /** Per token of the sentence being scored: its word's entry in `words`, the ids of its gazetteer tags, part of speech and first-pass label (grown as needed). */
  private entryIds = new Int32Array(0);
  private gazetteerIds = new Int32Array(0);
  private posIds = new Int32Array(0);
  private labelIds = new Int32Array(0);
  /** The tag scores of the sentence being decoded and Viterbi's work arrays (grown as needed). */
  private scores = new Float32Array(0);
  private readonly viterbiScratch = new ViterbiScratch();
  /** Rows of the features by name, but for the word pairs (found by their words' ids) and the word features `wordRows` takes. */
  private readonly index = new Map<string, number>();
  /** The rows of a word's word features, found without naming them. */
  private readonly wordRows: WordFeatureRows;

  /** `index` names every feature's row (word pairs included); the model keeps the pairs by id only. */
  constructor(
    readonly tags: readonly string[],
    index: ReadonlyMap<string, number>,
    private readonly weights: ArrayLike<number>,
    readonly clusters?: ClusterLookup,
  ) {
    const n = tags.length;
    this.tagCount = n;
    this.tables = transitionTables(tags);
    this.transitions = new Float32Array((n + 1) * n);
    this.words = new WordTable(OFFSETS.length * n, MAX_CACHED_WORD_ENTRIES);
    this.wordRows = new WordFeatureRows((name) => this.index.get(name) ?? -1, clusters);
    // word-pair rows keyed by the ids of their two words, so pairs are found without building their names
    const pairRows: { left: boolean; first: number; second: number; row: number }[] = [];
    for (const [name, row] of index) {
      const pair = wordPair(name);
      if (!pair) {
        if (!this.wordRows.take(name, row)) this.index.set(name, row);
        continue;
      }
      pairRows.push({ left: pair.left, first: this.pairWordId(pair.first), second: this.pairWordId(pair.second), row });
    }
    this.leftPairs = new PairTable(pairRows.filter((p) => p.left).length);
    this.rightPairs = new PairTable(pairRows.filter((p) => !p.left).length);
    for (const p of pairRows) (p.left ? this.leftPairs : this.rightPairs).set(p.first, p.second, p.row);
    [...tags, PAD].forEach((prev, p) => {
      const row = this.index.get(transitionFeature(prev));
      if (row !== undefined) for (let t = 0; t < n; t++) this.transitions[p * n + t] = weights[row * n + t]!;
    });
    this.padScores = new Float32Array(OFFSETS.length * n);
    this.addWordRows(PAD, this.padScores, 0);
    this.padPairId = this.pairVocabulary.get(PAD) ?? -1;
    this.padShapeId = this.shapes.id(PAD);
  }

  private pairWordId(word: string): number {
    let id = this.pairVocabulary.get(word);
    if (id === undefined) {
      id = this.pairVocabulary.size;
      this.pairVocabulary.set(word, id);
    }
    return id;
  }

  /** The row of a feature by name (a word pair's by its words' ids), -1 when the model has none. */
  private rowOf(feature: string): number {
    const pair = wordPair(feature);
    if (!pair) return this.wordRows.rowOf(feature) ?? this.index.get(feature) ?? -1;
    const first = this.pairVocabulary.get(pair.first) ?? -1;
    const second = this.pairVocabulary.get(pair.second) ?? -1;
    return (pair.left ? this.leftPairs : this.rightPairs).get(first, second);
  }

  /** A feature's weights by name, one per tag, or undefined when the model does not have it. */
  weightsOf(feature: string): number[] | undefined {
    const row = this.rowOf(feature);
    return row < 0 ? undefined : Array.from({ length: this.tagCount }, (_, t) => this.weights[row * this.tagCount + t]!);
  }

  /** Add the weights of `features` to `out` at `offset`. */
  private addRows(features: readonly string[], out: Float32Array, offset: number): void {
    const n = this.tagCount;
    for (const f of features) {
      const row = this.index.get(f);
      if (row === undefined) continue;
      const base = row * n;
      for (let t = 0; t < n; t++) out[offset + t]! += this.weights[base + t]!;
    }
  }

  /** The entry of `word` in `words`, made on a miss (room for it made by `words.reserve`). */
  private wordEntry(word: string): number {
    let e = this.words.find(word);
    if (e >= 0) return e;
    e = this.words.add(word);
    const { form, shape } = this.addWordRows(word, this.words.scores, e * this.words.width);
    this.words.pairIds[e] = this.pairVocabulary.get(form) ?? -1;
    this.words.shapeIds[e] = this.shapes.id(shape);
    this.words.caps[e] = STARTS_UPPER.test(word) ? 1 : 0;
    return e;
  }

  /** Add the weights of `word`'s word features at each offset to `out` from `offset`, one row after the other in the order of `wordFeatures`. */
  private addWordRows(word: string, out: Float32Array, offset: number): Readonly<WordRows> {
    const n = this.tagCount;
    const weights = this.weights;
    const found = this.wordRows.rowsOf(word);
    const { rows, ends } = found;
    for (let slot = 0, k = 0; slot < OFFSETS.length; slot++) {
      for (const end = ends[slot]!; k < end; k++) {
        const base = rows[k]! * n;
        for (let t = 0; t < n; t++) out[offset + slot * n + t]! += weights[base + t]!;
      }
    }
    return found;
  }

  /** Per-token tag scores of a sentence (`words × tags`): the sum of the rows of `sentenceFeatures`. */
  emissions(input: SentenceInput): Float32Array {
    const out = new Float32Array(input.words.length * this.tagCount);
    this.score(input, out);
    return out;
  }

  /** Write the per-token tag scores of a sentence (see `emissions`) to the start of `out`. */
  private score(input: SentenceInput, out: Float32Array): void {
    const { words, gazetteer, pos, document, labels, context } = input;
    const n = this.tagCount;
    const length = words.length;
    // each word's cached entry once, then read at the five offsets around each token
    if (this.entryIds.length < length) {
      this.entryIds = new Int32Array(length * 2);
      this.gazetteerIds = new Int32Array(length * 2);
      this.posIds = new Int32Array(length * 2);
      this.labelIds = new Int32Array(length * 2);
    }
    const { entryIds, gazetteerIds, posIds, labelIds } = this;
    this.words.reserve(length);
    for (let i = 0; i < length; i++) entryIds[i] = this.wordEntry(words[i]!);
    const { scores: wordScores, pairIds, shapeIds, caps } = this.words;
    const wordWidth = this.words.width;
    for (let i = 0; i < length; i++) gazetteerIds[i] = this.gazetteerSymbols.id(gazetteer[i]!.length ? gazetteer[i]!.join(',') : 'O');
    const padGazetteer = this.gazetteerSymbols.id(PAD);
    const padLabel = this.labelSymbols.id(PAD);
    const padPos = this.posSymbols.id(PAD);
    // each token's symbols looked up once, then read as the token's and its neighbours'
    if (pos) for (let i = 0; i < length; i++) posIds[i] = this.posSymbols.id(pos[i]);
    if (labels) for (let i = 0; i < length; i++) labelIds[i] = this.labelSymbols.id(labels[i]);
    // the plain forms are needed only to name a group's features on a cache miss
    let forms: { lower: string[]; shapes: string[] } | undefined;
    const named = (): { lower: string[]; shapes: string[] } => (forms ??= sentenceForms(words));
    const span = OFFSETS.length;
    const weights = this.weights;
    const sources: ArrayLike<number>[] = [];
    const offsets = new Int32Array(MAX_ROWS_PER_TOKEN);
    for (let i = 0; i < length; i++) {
      const base = i * n;
      const own = entryIds[i]!;
      const prevPair = i > 0 ? pairIds[entryIds[i - 1]!]! : this.padPairId;
      const nextPair = i + 1 < length ? pairIds[entryIds[i + 1]!]! : this.padPairId;
      const prevShape = i > 0 ? shapeIds[entryIds[i - 1]!]! : this.padShapeId;
      const ownShape = shapeIds[own]!;
      const nextShape = i + 1 < length ? shapeIds[entryIds[i + 1]!]! : this.padShapeId;
      // the rows this token sums, in the order of `sentenceFeatures` (float32 sums depend on the order)
      let m = 0;
      const left = this.leftPairs.get(prevPair, pairIds[own]!);
      if (left >= 0) { sources[m] = weights; offsets[m++] = left * n; }
      const right = this.rightPairs.get(pairIds[own]!, nextPair);
      if (right >= 0) { sources[m] = weights; offsets[m++] = right * n; }
      const cap = caps[own] === 1;
      // shape trigram
      if (prevShape >= 0 && ownShape >= 0 && nextShape >= 0) {
        const key = (prevShape * SHAPE_RADIX + ownShape) * SHAPE_RADIX + nextShape;
        sources[m] = this.keyed(this.shapeCache, key, input, i, named, shapeTrigram);
      } else {
        const { shapes } = named();
        const shapeKey = 'sh3=' + (i > 0 ? shapes[i - 1]! : PAD) + '_' + shapes[i]! + '_' + (i + 1 < length ? shapes[i + 1]! : PAD);
        sources[m] = this.named(shapeKey, input, i, named, shapeTrigram);
      }
      offsets[m++] = 0;
      // gazetteer, document hint, position and first-pass labels
      const gp = i > 0 ? gazetteerIds[i - 1]! : padGazetteer;
      const g0 = gazetteerIds[i]!;
      const gn = i + 1 < length ? gazetteerIds[i + 1]! : padGazetteer;
      const hint = this.hintSymbols.id(document?.[i]);
      let labelKey = 0;
      let labelsOk = true;
      if (labels) {
        const lp = i > 0 ? labelIds[i - 1]! : padLabel;
        const l0 = labelIds[i]!;
        const ln = i + 1 < length ? labelIds[i + 1]! : padLabel;
        labelsOk = lp >= 0 && l0 >= 0 && ln >= 0;
        labelKey = 1 + (lp * LABEL_RADIX + l0) * LABEL_RADIX + ln;
      }
      if (gp >= 0 && g0 >= 0 && gn >= 0 && hint >= 0 && labelsOk) {
        const gazetteerPart = (gp * GAZETTEER_RADIX + g0) * GAZETTEER_RADIX + gn;
        const flags = (hint * 2 + (cap ? 1 : 0)) * 2 + (i === 0 ? 1 : 0);
        // gazetteerPart < 2^15, flags < 2^5, labelKey <= 2^9: 30 bits in all
        const key = (gazetteerPart * (HINT_RADIX * 4) + flags) * (LABEL_RADIX ** 3 + 1) + labelKey;
        sources[m] = this.keyed(this.gazetteerCache, key, input, i, named, groupGazetteerFeatures);
      } else {
        const around = labels ? [i > 0 ? labels[i - 1]! : PAD, labels[i]!, i + 1 < length ? labels[i + 1]! : PAD] : undefined;
        const joined = (k: number): string => (gazetteer[k]!.length ? gazetteer[k]!.join(',') : 'O');
        const gKey = gazetteerKey(i > 0 ? joined(i - 1) : PAD, joined(i), i + 1 < length ? joined(i + 1) : PAD, cap, document?.[i], i === 0, around);
        sources[m] = this.named('g|' + gKey, input, i, named, groupGazetteerFeatures);
      }
      offsets[m++] = 0;
      if (pos) {
        const pp = i > 0 ? posIds[i - 1]! : padPos;
        const p0 = posIds[i]!;
        const pn = i + 1 < length ? posIds[i + 1]! : padPos;
        if (pp >= 0 && p0 >= 0 && pn >= 0) {
          sources[m] = this.keyed(this.posCache, ((pp * POS_RADIX + p0) * POS_RADIX + pn) * 2 + (cap ? 1 : 0), input, i, named, groupPosFeatures);
        } else {
          const pKey = 'p|' + (i > 0 ? pos[i - 1]! : PAD) + '|' + pos[i]! + '|' + (i + 1 < length ? pos[i + 1]! : PAD) + '|' + cap;
          sources[m] = this.named(pKey, input, i, named, groupPosFeatures);
        }
        offsets[m++] = 0;
      }
      if (context) {
        const c = this.contextSymbols.id(context[i]);
        sources[m] = c >= 0
          ? this.keyed(this.contextCache, c * 2 + (cap ? 1 : 0), input, i, named, groupContextFeatures)
          : this.named('x|' + context[i] + '|' + cap, input, i, named, groupContextFeatures);
        offsets[m++] = 0;
      }
      for (let slot = 0; slot < span; slot++) {
        const k = i + OFFSETS[slot]!;
        if (k >= 0 && k < length) {
          sources[m] = wordScores;
          offsets[m++] = entryIds[k]! * wordWidth + slot * n;
        } else {
          sources[m] = this.padScores;
          offsets[m++] = slot * n;
        }
      }
      // the picked rows summed tag by tag, as float32 sums in the order above
      sumRows(sources, offsets, m, n, out, base);
    }
  }

  /** The summed weights of a token's feature group, named from its context (a cache miss). */
  private groupSum(input: SentenceInput, i: number, named: () => { lower: string[]; shapes: string[] }, make: (c: TokenContext) => readonly string[]): Float32Array {
    const sum = new Float32Array(this.tagCount);
    const { lower, shapes } = named();
    this.addRows(make(tokenContext(input, i, lower, shapes)), sum, 0);
    return sum;
  }

  /** The cached sum of a feature group by integer key; on a miss, `make` names its features from the token's context. */
  private keyed(
    cache: Map<number, Float32Array>, key: number, input: SentenceInput, i: number,
    named: () => { lower: string[]; shapes: string[] }, make: (c: TokenContext) => readonly string[],
  ): Float32Array {
    let hit = cache.get(key);
    if (!hit) {
      hit = this.groupSum(input, i, named, make);
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      cache.set(key, hit);
    }
    return hit;
  }

  /** The cached sum of a feature group by name (the fallback of `keyed` for symbols past their radix). */
  private named(
    key: string, input: SentenceInput, i: number,
    named: () => { lower: string[]; shapes: string[] }, make: (c: TokenContext) => readonly string[],
  ): Float32Array {
    let hit = this.groupCache.get(key);
    if (!hit) {
      hit = this.groupSum(input, i, named, make);
      if (this.groupCache.size >= MAX_CACHED_WORDS) this.groupCache.clear();
      this.groupCache.set(key, hit);
    }
    return hit;
  }

  /** The best BILOU tags of a sentence. */
  decode(input: SentenceInput): string[] {
    const length = input.words.length;
    if (this.scores.length < length * this.tagCount) this.scores = new Float32Array(length * this.tagCount * 2);
    this.score(input, this.scores);
    const path = viterbi(this.scores, length, this.tagCount, this.transitions, this.tables, this.viterbiScratch);
    return Array.from(path, (t) => this.tags[t]!);
  }
}

/** A word-pair feature's side and words (`LEFT_PAIR` or `RIGHT_PAIR`, then two words joined by `PAIR_JOIN`), or undefined when the name is none. */
function wordPair(name: string): { left: boolean; first: string; second: string } | undefined {
  const left = name.startsWith(LEFT_PAIR);
  if (!left && !name.startsWith(RIGHT_PAIR)) return undefined;
  const rest = name.slice(LEFT_PAIR.length);
  const cut = rest.indexOf(PAIR_JOIN);
  return { left, first: rest.slice(0, cut), second: rest.slice(cut + PAIR_JOIN.length) };
}

/** Turn a stored model file (or its second pass, with the file's clusters) into a tagger. */
export function modelFromFile(file: Pick<PerceptronModelFile, 'tags' | 'scale' | 'clusters'> & { readonly features: SparseFeatures }): TaggerModel {
  const n = file.tags.length;
  const index = new Map<string, number>();
  const weights = new Float32Array(featureCount(file.features) * n);
  forEachFeature(file.features, (name, row, sparse, from, to) => {
    index.set(name, row);
    for (let k = from; k < to; k += 2) weights[row * n + sparse[k]!] = sparse[k + 1]! / file.scale;
  });
  // 100k words: packed, not a Map (see PackedStringMap)
  const clusters = file.clusters ? new PackedStringMap(Object.entries(file.clusters)) : undefined;
  return new TaggerModel(file.tags, index, weights, clusters);
}
