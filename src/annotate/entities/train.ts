import { decode, MODEL_FORMAT, allowed, type PerceptronModelFile, type Weights } from './perceptron.js';
import { sentenceFeatures, shortShape, tagFeatures, type SentenceInput } from './features.js';

/** One training sentence: words, gazetteer tags, gold BIO tags. */
export interface TrainingSentence extends SentenceInput {
  readonly tags: readonly string[];
}

export interface TrainOptions {
  readonly epochs: number;
  /** Seed of the shuffle between epochs, so training is reproducible. */
  readonly seed: number;
  /** Called after each epoch with the averaged weights; return a score to keep the best epoch. */
  readonly onEpoch?: (epoch: number, weights: Weights) => number;
  /** Weights whose absolute averaged value is below this are dropped from the file. */
  readonly prune: number;
  /** Stored weights are integers of weight × scale. */
  readonly scale?: number;
  readonly log?: (line: string) => void;
}

/** mulberry32: a small seeded PRNG, so shuffles are the same on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Averaged perceptron over string features, with lazy averaging (Collins 2002; Honnibal's tagger). */
class AveragedPerceptron {
  readonly index = new Map<string, number>();
  weights = new Float64Array(0);
  totals = new Float64Array(0);
  stamps = new Float64Array(0);
  clock = 0;
  constructor(readonly tags: readonly string[]) {}

  private id(feature: string): number {
    let id = this.index.get(feature);
    if (id === undefined) {
      id = this.index.size;
      this.index.set(feature, id);
      const need = (id + 1) * this.tags.length;
      if (need > this.weights.length) {
        const grow = (a: Float64Array): Float64Array<ArrayBuffer> => {
          const b = new Float64Array(Math.max(need, a.length * 2, 1024));
          b.set(a);
          return b;
        };
        this.weights = grow(this.weights);
        this.totals = grow(this.totals);
        this.stamps = grow(this.stamps);
      }
    }
    return id;
  }

  current(): Weights {
    const n = this.tags.length;
    return {
      tags: this.tags,
      get: (f) => {
        const id = this.index.get(f);
        return id === undefined ? undefined : this.weights.subarray(id * n, id * n + n);
      },
    };
  }

  update(features: readonly string[], gold: number, guess: number): void {
    this.clock++;
    if (gold === guess) return;
    const n = this.tags.length;
    for (const f of features) {
      const base = this.id(f) * n;
      for (const [t, delta] of [[gold, 1], [guess, -1]] as const) {
        const k = base + t;
        this.totals[k]! += (this.clock - this.stamps[k]!) * this.weights[k]!;
        this.stamps[k] = this.clock;
        this.weights[k]! += delta;
      }
    }
  }

  averaged(): Float64Array {
    const out = new Float64Array(this.index.size * this.tags.length);
    for (let k = 0; k < out.length; k++) {
      const total = this.totals[k]! + (this.clock - this.stamps[k]!) * this.weights[k]!;
      out[k] = total / Math.max(1, this.clock);
    }
    return out;
  }
}

function asWeights(tags: readonly string[], index: Map<string, number>, values: Float64Array): Weights {
  const n = tags.length;
  return { tags, get: (f) => { const id = index.get(f); return id === undefined ? undefined : values.subarray(id * n, id * n + n); } };
}

/**
 * Train the greedy BIO tagger and return the model file of the best epoch.
 * Deterministic: the sentence order of each epoch comes from `seed`.
 */
export function trainTagger(sentences: readonly TrainingSentence[], options: TrainOptions): PerceptronModelFile {
  const tags = [...new Set(sentences.flatMap((s) => s.tags))].sort();
  const tagId = new Map(tags.map((t, i) => [t, i]));
  const model = new AveragedPerceptron(tags);
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  const features = sentences.map((s) => sentenceFeatures(s));
  let best: { score: number; epoch: number; values: Float64Array } | undefined;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let total = 0;
    for (const si of order) {
      const sentence = sentences[si]!;
      const weights = model.current();
      const scores = new Float64Array(tags.length);
      let prev1 = '<s>';
      let prev2 = '<s>';
      for (let i = 0; i < sentence.words.length; i++) {
        const word = sentence.words[i]!;
        const feats = features[si]![i]!.concat(tagFeatures(prev1, prev2, word, shortShape(word)));
        scores.fill(0);
        for (const f of feats) {
          const w = weights.get(f);
          if (w) for (let t = 0; t < tags.length; t++) scores[t]! += w[t]!;
        }
        let guess = -1;
        for (let t = 0; t < tags.length; t++) {
          if (!allowed(prev1, tags[t]!)) continue;
          if (guess === -1 || scores[t]! > scores[guess]!) guess = t;
        }
        const gold = tagId.get(sentence.tags[i]!)!;
        model.update(feats, gold, guess);
        if (gold !== guess) errors++;
        total++;
        // the history is the tagger's own guesses, as at decoding time, so it learns to recover from them
        prev2 = prev1;
        prev1 = tags[guess]!;
      }
    }
    const values = model.averaged();
    const score = options.onEpoch?.(epoch, asWeights(tags, model.index, values)) ?? epoch;
    options.log?.(`epoch ${epoch}: token errors ${(errors / total * 100).toFixed(2)}%, score ${score.toFixed(4)}`);
    if (!best || score > best.score) best = { score, epoch, values };
  }
  return toFile(tags, model.index, best!.values, options, best!.epoch);
}

function toFile(tags: readonly string[], index: Map<string, number>, values: Float64Array, options: TrainOptions, epoch: number): PerceptronModelFile {
  const scale = options.scale ?? 1000;
  const n = tags.length;
  const features: Record<string, number[]> = {};
  const names = [...index.keys()].sort();
  for (const name of names) {
    const id = index.get(name)!;
    const sparse: number[] = [];
    for (let t = 0; t < n; t++) {
      const v = values[id * n + t]!;
      if (Math.abs(v) >= options.prune) sparse.push(t, Math.round(v * scale));
    }
    if (sparse.length > 0) features[name] = sparse;
  }
  return { format: MODEL_FORMAT, tags, scale, features, meta: { epoch, prune: options.prune } };
}

export { decode };
