import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/index.js';
import {
  BUCKETS, contextValues, neighbour, type ContextValues, NEIGHBOUR_TEMPLATES, paragraphUnits, START_TAG, staticFeatures, tagFeatures, tokenFacts, wordFeatures,
  type TaggerText, type TokenFacts,
} from './tagger-features.js';

/**
 * The attribution tagger: an averaged perceptron labelling tokens BIO for
 * SOURCE, CUE and CONTENT, decoded greedily left to right with the two
 * previous tags as features. Trained by scripts/train-quote-tagger.ts.
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

/** The committed model, at the package root (same depth from src/ and dist/). */
const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/quote-tagger.json', import.meta.url));

/** Turn a model file into weights. */
export function weightsFromFile(file: TaggerModelFile, source = 'model'): TaggerWeights {
  if (file.format !== TAGGER_FORMAT || file.tags.join(',') !== TAGS.join(',')) {
    throw new ConfigError('E_QUOTE_MODEL', `${source} is not a ${TAGGER_FORMAT} model with tags ${TAGS.join(',')}: retrain with npm run train:quotes`);
  }
  const map = new Map<string, Float32Array>();
  for (const [name, pairs] of Object.entries(file.features)) {
    const w = new Float32Array(TAGS.length);
    for (let k = 0; k < pairs.length; k += 2) w[pairs[k]!] = pairs[k + 1]! / file.scale;
    map.set(name, w);
  }
  return map;
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
    for (let i = from; i < to; i++) {
      const prev1 = i > from ? tags[i - 1]! : START_TAG;
      const prev2 = i > from + 1 ? tags[i - 2]! : START_TAG;
      scores.fill(0);
      addScores(weights, feats[i - from]!, scores);
      addScores(weights, tagFeatures(prev1, prev2, facts.lower[i]!), scores);
      tags[i] = bestTag(prev1, scores);
    }
  }
  return tags;
}

function bestTag(prev1: string, scores: Float64Array): Tag {
  let best = 0;
  for (let t = 1; t < TAGS.length; t++) {
    if (allowed(prev1, TAGS[t]!) && scores[t]! > scores[best]!) best = t;
  }
  return TAGS[best]!;
}

/** Word-type caches are dropped past this many entries, so memory stays bounded over long runs. */
const MAX_CACHED_WORDS = 200_000;
const PREV_TAGS = [START_TAG, ...TAGS] as const;
const PREV_INDEX = new Map<string, number>(PREV_TAGS.map((t, i) => [t, i]));

function addTo(scores: Float64Array, w: ArrayLike<number>): void {
  for (let t = 0; t < scores.length; t++) scores[t]! += w[t]!;
}
const NONE = new Float32Array(TAGS.length);

/**
 * Scores with the weights of word-only features summed once per word type, and
 * neighbour and tag features looked up per word type instead of built as strings.
 */
class CachedScorer {
  private readonly words = new Map<string, Float32Array>();
  private readonly neighbours = NEIGHBOUR_TEMPLATES.map(() => new Map<string, Float32Array>());
  private readonly tagWords = new Map<string, Float32Array[]>();
  private readonly tagPairs: Float32Array[];

  constructor(private readonly weights: TaggerWeights) {
    this.tagPairs = PREV_TAGS.flatMap((p2) => PREV_TAGS.map((p1) => this.sum(tagFeatures(p1, p2, '').slice(0, 2))));
  }

  private sum(features: readonly string[]): Float32Array {
    const out = new Float32Array(TAGS.length);
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let t = 0; t < out.length; t++) out[t]! += w[t]!;
    }
    return out;
  }

  private trim(): void {
    if (this.words.size + this.tagWords.size + this.prevPairs.size + this.nextPairs.size > MAX_CACHED_WORDS) {
      this.words.clear();
      this.tagWords.clear();
      for (const m of this.neighbours) m.clear();
      for (const m of [this.prevPairs, this.nextPairs, this.leftCues, this.rightCues]) m.clear();
      this.firsts.clear();
    }
  }

  wordVector(raw: string, lower: string): Float32Array {
    let v = this.words.get(raw);
    if (!v) { v = this.sum(wordFeatures(raw, lower)); this.words.set(raw, v); }
    return v;
  }

  neighbourVector(template: number, word: string): Float32Array {
    const cache = this.neighbours[template]!;
    let v = cache.get(word);
    if (!v) { v = (this.weights.get(NEIGHBOUR_TEMPLATES[template]![0] + word) as Float32Array | undefined) ?? NONE; cache.set(word, v); }
    return v;
  }

  private readonly small = new Map<number, Float32Array>();
  private readonly prevPairs = new Map<string, Map<string, Float32Array>>();
  private readonly nextPairs = new Map<string, Map<string, Float32Array>>();
  private readonly leftCues = new Map<string, Float32Array[]>();
  private readonly rightCues = new Map<string, Float32Array[]>();
  private readonly firsts = new Map<string, Float32Array>();

  /** A feature from a small domain (`prefix` + `value`), memoised by a numeric code. */
  private smallVector(code: number, prefix: string, value: string | number): Float32Array {
    let v = this.small.get(code);
    if (!v) { v = (this.weights.get(prefix + value) as Float32Array | undefined) ?? NONE; this.small.set(code, v); }
    return v;
  }

  private pairVector(cache: Map<string, Map<string, Float32Array>>, kind: string, a: string, b: string): Float32Array {
    let inner = cache.get(a);
    if (!inner) { inner = new Map(); cache.set(a, inner); }
    let v = inner.get(b);
    if (!v) { v = (this.weights.get(`${kind}=${a}|${b}`) as Float32Array | undefined) ?? NONE; inner.set(b, v); }
    return v;
  }

  private cueWordVector(cache: Map<string, Float32Array[]>, kind: string, word: string, bucket: number): Float32Array {
    let row = cache.get(word);
    if (!row) { row = BUCKETS.map((b) => (this.weights.get(`${kind}=${word}|${b}`) as Float32Array | undefined) ?? NONE); cache.set(word, row); }
    return row[bucket]!;
  }

  /** The same sum as the weights of `contextFeatures` (tagger-features.ts), without building its strings. */
  private addContext(v: ContextValues, scores: Float64Array): void {
    addTo(scores, this.smallVector(0, 'b', ''));
    addTo(scores, this.pairVector(this.prevPairs, 'pw', v.prev, v.word));
    addTo(scores, this.pairVector(this.nextPairs, 'wn', v.word, v.next));
    addTo(scores, this.smallVector(100 + v.q, 'q=', v.q));
    addTo(scores, this.smallVector(1000 + v.qPrev * 100 + v.q * 10 + v.qNext, 'qp=', `${v.qPrev}|${v.q}|${v.qNext}`));
    addTo(scores, this.smallVector(200 + v.fromStart, 'sp=', BUCKETS[v.fromStart]!));
    addTo(scores, this.smallVector(300 + v.toEnd, 'se=', BUCKETS[v.toEnd]!));
    addTo(scores, this.smallVector(400 + v.cueLeft, 'cl=', BUCKETS[v.cueLeft]!));
    addTo(scores, this.smallVector(500 + v.cueRight, 'cr=', BUCKETS[v.cueRight]!));
    addTo(scores, this.smallVector(600 + v.cueLeft * 10 + v.cueRight, 'clr=', `${BUCKETS[v.cueLeft]}|${BUCKETS[v.cueRight]}`));
    if (v.sentenceFirst) {
      let f = this.firsts.get(v.word);
      if (!f) { f = (this.weights.get(`first|${v.word}`) as Float32Array | undefined) ?? NONE; this.firsts.set(v.word, f); }
      addTo(scores, f);
    }
    if (v.cueLeftWord !== undefined) addTo(scores, this.cueWordVector(this.leftCues, 'clw', v.cueLeftWord, v.cueLeft));
    if (v.cueRightWord !== undefined) addTo(scores, this.cueWordVector(this.rightCues, 'crw', v.cueRightWord, v.cueRight));
  }

  /** t1 + t12 for the two previous tags (indices into PREV_TAGS). */
  tagPairVector(prev2: number, prev1: number): Float32Array {
    return this.tagPairs[prev2 * PREV_TAGS.length + prev1]!;
  }

  /** t1w for the previous tag and this word. */
  tagWordVector(prev1: number, word: string): Float32Array {
    let row = this.tagWords.get(word);
    if (!row) {
      row = PREV_TAGS.map((p) => (this.weights.get(tagFeatures(p, p, word)[2]!) as Float32Array | undefined) ?? NONE);
      this.tagWords.set(word, row);
    }
    return row[prev1]!;
  }

  tag(input: TaggerText, facts: TokenFacts): Tag[] {
    this.trim();
    const n = input.toks.length;
    const tags: Tag[] = new Array<Tag>(n).fill('O');
    const prevIndex = new Int32Array(n);
    const scores = new Float64Array(TAGS.length);
    for (const [from, to] of paragraphUnits(input.text, input.toks)) {
      for (let i = from; i < to; i++) {
        const lower = facts.lower[i]!;
        scores.fill(0);
        addTo(scores, this.wordVector(input.toks[i]!.text, lower));
        for (let k = 0; k < NEIGHBOUR_TEMPLATES.length; k++) addTo(scores, this.neighbourVector(k, neighbour(facts, from, to, i, NEIGHBOUR_TEMPLATES[k]![1])));
        this.addContext(contextValues(facts, from, to, i), scores);
        const p1 = i > from ? prevIndex[i - 1]! : 0;
        const p2 = i > from + 1 ? prevIndex[i - 2]! : 0;
        addTo(scores, this.tagPairVector(p2, p1));
        addTo(scores, this.tagWordVector(p1, lower));
        const tag = bestTag(PREV_TAGS[p1]!, scores);
        tags[i] = tag;
        prevIndex[i] = PREV_INDEX.get(tag)!;
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
