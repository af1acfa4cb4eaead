import type { Lexicon } from './gazetteer.js';
import {
  LEFT_PAIR, OFFSETS, PAD, PAIR_JOIN, RIGHT_PAIR, gazetteerKey, groupGazetteerFeatures, groupPosFeatures, sentenceForms, tokenContext, wordFeatures,
  type ClusterLookup, type SentenceInput, type TokenContext,
} from './features.js';

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
): Int32Array {
  const n = tagCount;
  const best = new Float64Array(length * n);
  const back = new Int32Array(length * n);
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

/** Past this many distinct words the per-word score cache starts afresh, bounding its memory. */
const MAX_CACHED_WORDS = 200_000;

/**
 * A trained tagger ready to decode: feature weights interned into one
 * Float32Array, word-feature sums cached per distinct word, Viterbi over BILOU.
 */
export class TaggerModel {
  readonly tagCount: number;
  private readonly transitions: Float32Array;
  private readonly tables: TransitionTables;
  /** Summed weights of feature groups that repeat (a word's features, a context group), by key. */
  private readonly wordCache = new Map<string, Float32Array>();
  private readonly groupCache = new Map<string, Float32Array>();
  /** Word-pair rows by first word then second, so pairs are found without building their names. */
  private readonly leftPairs = new Map<string, Map<string, number>>();
  private readonly rightPairs = new Map<string, Map<string, number>>();

  constructor(
    readonly tags: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly weights: ArrayLike<number>,
    readonly clusters?: ClusterLookup,
  ) {
    const n = tags.length;
    this.tagCount = n;
    this.tables = transitionTables(tags);
    this.transitions = new Float32Array((n + 1) * n);
    for (const [name, row] of index) {
      const pairs = name.startsWith(LEFT_PAIR) ? this.leftPairs : name.startsWith(RIGHT_PAIR) ? this.rightPairs : undefined;
      if (!pairs) continue;
      const rest = name.slice(LEFT_PAIR.length);
      const cut = rest.indexOf(PAIR_JOIN);
      const first = rest.slice(0, cut);
      let byFirst = pairs.get(first);
      if (!byFirst) pairs.set(first, (byFirst = new Map()));
      byFirst.set(rest.slice(cut + PAIR_JOIN.length), row);
    }
    [...tags, PAD].forEach((prev, p) => {
      const row = index.get(transitionFeature(prev));
      if (row !== undefined) for (let t = 0; t < n; t++) this.transitions[p * n + t] = weights[row * n + t]!;
    });
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

  /** The summed word-feature weights of `word` at each offset, cached. */
  private wordScores(word: string): Float32Array {
    let hit = this.wordCache.get(word);
    if (hit) return hit;
    const n = this.tagCount;
    hit = new Float32Array(OFFSETS.length * n);
    wordFeatures(word, this.clusters).forEach((features, slot) => this.addRows(features, hit!, slot * n));
    if (this.wordCache.size >= MAX_CACHED_WORDS) this.wordCache.clear();
    this.wordCache.set(word, hit);
    return hit;
  }

  /** Per-token tag scores of a sentence (`words × tags`): the sum of the rows of `sentenceFeatures`. */
  emissions(input: SentenceInput): Float32Array {
    const { words, gazetteer, pos, document, labels } = input;
    const n = this.tagCount;
    const length = words.length;
    const out = new Float32Array(length * n);
    const { lower, shapes } = sentenceForms(words);
    // each word's cached sums once, then read at the five offsets around each token
    const padded = this.wordScores(PAD);
    const byPosition = words.map((w) => this.wordScores(w));
    const gazetteerKeys = gazetteer.map((g) => (g.length ? g.join(',') : 'O'));
    const span = OFFSETS.length;
    for (let i = 0; i < length; i++) {
      const base = i * n;
      const prevLower = i > 0 ? lower[i - 1]! : PAD;
      const nextLower = i + 1 < length ? lower[i + 1]! : PAD;
      this.addRow(this.leftPairs.get(prevLower)?.get(lower[i]!), out, base);
      this.addRow(this.rightPairs.get(lower[i]!)?.get(nextLower), out, base);
      const cap = STARTS_UPPER.test(words[i]!);
      const shapeKey = 'sh3=' + (i > 0 ? shapes[i - 1]! : PAD) + '_' + shapes[i]! + '_' + (i + 1 < length ? shapes[i + 1]! : PAD);
      this.addGroup(shapeKey, input, i, out, base, lower, shapes, (c) => [c.shapeTrigram]);
      const around = labels ? [i > 0 ? labels[i - 1]! : PAD, labels[i]!, i + 1 < length ? labels[i + 1]! : PAD] : undefined;
      const gKey = gazetteerKey(i > 0 ? gazetteerKeys[i - 1]! : PAD, gazetteerKeys[i]!, i + 1 < length ? gazetteerKeys[i + 1]! : PAD, cap, document?.[i], i === 0, around);
      this.addGroup('g|' + gKey, input, i, out, base, lower, shapes, groupGazetteerFeatures);
      if (pos) {
        const pKey = 'p|' + (i > 0 ? pos[i - 1]! : PAD) + '|' + pos[i]! + '|' + (i + 1 < length ? pos[i + 1]! : PAD) + '|' + cap;
        this.addGroup(pKey, input, i, out, base, lower, shapes, groupPosFeatures);
      }
      for (let slot = 0; slot < span; slot++) {
        const k = i + OFFSETS[slot]!;
        const scores = k >= 0 && k < length ? byPosition[k]! : padded;
        const from = slot * n;
        for (let t = 0; t < n; t++) out[base + t]! += scores[from + t]!;
      }
    }
    return out;
  }

  /** Add one weight row, if the feature has one. */
  private addRow(row: number | undefined, out: Float32Array, base: number): void {
    if (row === undefined) return;
    const n = this.tagCount;
    const from = row * n;
    for (let t = 0; t < n; t++) out[base + t]! += this.weights[from + t]!;
  }

  /** Add the cached sum of a feature group; on a miss, `make` names its features from the token's context. */
  private addGroup(
    key: string, input: SentenceInput, i: number, out: Float32Array, base: number,
    lower: readonly string[], shapes: readonly string[], make: (c: TokenContext) => readonly string[],
  ): void {
    const n = this.tagCount;
    let hit = this.groupCache.get(key);
    if (!hit) {
      hit = new Float32Array(n);
      this.addRows(make(tokenContext(input, i, lower, shapes)), hit, 0);
      if (this.groupCache.size >= MAX_CACHED_WORDS) this.groupCache.clear();
      this.groupCache.set(key, hit);
    }
    for (let t = 0; t < n; t++) out[base + t]! += hit[t]!;
  }

  /** The best BILOU tags of a sentence. */
  decode(input: SentenceInput): string[] {
    const path = viterbi(this.emissions(input), input.words.length, this.tagCount, this.transitions, this.tables);
    return Array.from(path, (t) => this.tags[t]!);
  }
}

/** Turn a stored model file (or its second pass, with the file's clusters) into a tagger. */
export function modelFromFile(file: Pick<PerceptronModelFile, 'tags' | 'scale' | 'features' | 'clusters'>): TaggerModel {
  const n = file.tags.length;
  const names = Object.keys(file.features);
  const index = new Map<string, number>();
  const weights = new Float32Array(names.length * n);
  names.forEach((name, row) => {
    index.set(name, row);
    const sparse = file.features[name]!;
    for (let k = 0; k < sparse.length; k += 2) weights[row * n + sparse[k]!] = sparse[k + 1]! / file.scale;
  });
  const clusters = file.clusters ? new Map(Object.entries(file.clusters)) : undefined;
  return new TaggerModel(file.tags, index, weights, clusters);
}
