import type { Lexicon } from './gazetteer.js';
import { sentenceFeatures, shortShape, tagFeatures, type SentenceInput } from './features.js';

/** The JSON form of a trained tagger, as stored in `models/ner-perceptron.json`. */
export interface PerceptronModelFile {
  readonly format: typeof MODEL_FORMAT;
  readonly tags: readonly string[];
  /** Weights are stored as integers: weight × scale, rounded. */
  readonly scale: number;
  /** feature → flattened [tagIndex, weight, tagIndex, weight, …]. */
  readonly features: Readonly<Record<string, readonly number[]>>;
  /** Word lists derived at training time that the gazetteer adds to its own (see scripts/train-ner.ts). */
  readonly lexicon?: Lexicon;
  readonly trainedOn?: string;
  readonly meta?: Readonly<Record<string, string | number>>;
}

export const MODEL_FORMAT = 'parallax-ner-perceptron/1';

/** Read-only weights: feature → one score per tag. */
export interface Weights {
  readonly tags: readonly string[];
  get(feature: string): ArrayLike<number> | undefined;
}

/** Tag-to-tag moves BIO forbids: I-X must follow B-X or I-X. */
export function allowed(prev: string, tag: string): boolean {
  if (!tag.startsWith('I-')) return true;
  return prev === 'B-' + tag.slice(2) || prev === tag;
}

/** Score all tags for one token's features. */
export function score(weights: Weights, features: readonly string[], out: Float64Array): Float64Array {
  out.fill(0);
  for (const f of features) {
    const w = weights.get(f);
    if (!w) continue;
    for (let t = 0; t < out.length; t++) out[t]! += w[t]!;
  }
  return out;
}

/**
 * Greedy left-to-right BIO decoding: each token takes the best tag allowed
 * after the tag before it, with the two previous tags as features.
 */
export function decode(weights: Weights, input: SentenceInput, staticFeatures = sentenceFeatures(input)): string[] {
  const tags: string[] = [];
  const scores = new Float64Array(weights.tags.length);
  for (let i = 0; i < input.words.length; i++) {
    const prev1 = tags[i - 1] ?? '<s>';
    const prev2 = tags[i - 2] ?? '<s>';
    const feats = staticFeatures[i]!.concat(tagFeatures(prev1, prev2, input.words[i]!, shortShape(input.words[i]!)));
    score(weights, feats, scores);
    let best = -1;
    for (let t = 0; t < scores.length; t++) {
      if (!allowed(prev1, weights.tags[t]!)) continue;
      if (best === -1 || scores[t]! > scores[best]!) best = t;
    }
    tags.push(weights.tags[best]!);
  }
  return tags;
}

/** Turn a stored model file into weights for decoding. */
export function weightsFromFile(file: PerceptronModelFile): Weights {
  const n = file.tags.length;
  const map = new Map<string, Float32Array>();
  for (const [feature, sparse] of Object.entries(file.features)) {
    const row = new Float32Array(n);
    for (let k = 0; k < sparse.length; k += 2) row[sparse[k]!] = sparse[k + 1]! / file.scale;
    map.set(feature, row);
  }
  return { tags: file.tags, get: (f) => map.get(f) };
}
