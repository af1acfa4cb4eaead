import { seededRandom } from '../../core/index.js';
import { MODEL_FORMAT, TaggerModel, toBilou, transitionFeature, transitionTables, viterbi, type PerceptronModelFile } from './perceptron.js';
import { PAD, sentenceFeatures, type SentenceInput } from './features.js';

/** One training sentence: words, gazetteer tags, gold BIO tags. */
export interface TrainingSentence extends SentenceInput {
  readonly tags: readonly string[];
}

export interface TrainOptions {
  readonly epochs: number;
  /** Seed of the shuffle between epochs, so training is reproducible. */
  readonly seed: number;
  /**
   * Runs with different shuffles (seeds `seed`, `seed + 1`, …) whose averaged
   * weights are averaged again: a linear model still, so decoding costs the
   * same, with less of the variance one shuffle order brings. Default 1.
   */
  readonly runs?: number;
  /** Word clusters the features read (stored in the model file). */
  readonly clusters?: ReadonlyMap<string, string>;
  /** Called after each epoch with the averaged model; return a score to keep the best epoch. */
  readonly onEpoch?: (epoch: number, model: TaggerModel) => number;
  /** Weights whose absolute averaged value is below this are dropped from the file. */
  readonly prune: number;
  /** Stored weights are integers of weight × scale. */
  readonly scale?: number;
  readonly log?: (line: string) => void;
}


/** Weights of interned features with lazy averaging (Collins 2002). */
class AveragedWeights {
  readonly weights: Float64Array;
  private readonly totals: Float64Array;
  private readonly stamps: Float64Array;
  clock = 0;
  constructor(size: number) {
    this.weights = new Float64Array(size);
    this.totals = new Float64Array(size);
    this.stamps = new Float64Array(size);
  }

  add(k: number, delta: number): void {
    this.totals[k]! += (this.clock - this.stamps[k]!) * this.weights[k]!;
    this.stamps[k] = this.clock;
    this.weights[k]! += delta;
  }

  averaged(): Float64Array {
    const out = new Float64Array(this.weights.length);
    for (let k = 0; k < out.length; k++) out[k] = (this.totals[k]! + (this.clock - this.stamps[k]!) * this.weights[k]!) / Math.max(1, this.clock);
    return out;
  }
}

/**
 * Train the BILOU tagger as a structured perceptron (Viterbi decoding during
 * training, averaged weights) and return the model file of the best epoch.
 * Deterministic: the sentence order of each epoch comes from `seed`.
 */
export function trainTagger(sentences: readonly TrainingSentence[], options: TrainOptions): PerceptronModelFile {
  const golds = sentences.map((s) => toBilou(s.tags));
  const types = [...new Set(sentences.flatMap((s) => s.tags).filter((t) => t !== 'O').map((t) => t.slice(2)))].sort();
  const tags = ['O', ...types.flatMap((x) => ['B-', 'I-', 'L-', 'U-'].map((p) => p + x))];
  const n = tags.length;
  const tagId = new Map(tags.map((t, i) => [t, i]));
  const index = new Map<string, number>();
  const intern = (f: string): number => {
    let id = index.get(f);
    if (id === undefined) index.set(f, (id = index.size));
    return id;
  };
  const transitionRows = Int32Array.from([...tags, PAD], (t) => intern(transitionFeature(t)));
  const features = sentences.map((s) => sentenceFeatures(s, options.clusters).map((f) => Int32Array.from(f, intern)));
  const goldIds = golds.map((g) => Int32Array.from(g, (t) => tagId.get(t)!));
  const tables = transitionTables(tags);
  const runs = Math.max(1, options.runs ?? 1);
  const compiled = (values: ArrayLike<number>): TaggerModel => new TaggerModel(tags, index, values, options.clusters);
  // per epoch, the sum over runs of that epoch's averaged weights
  const sums: Float64Array[] = [];
  for (let run = 0; run < runs; run++) {
    const model = new AveragedWeights(index.size * n);
    const w = model.weights;
    const transitions = new Float64Array((n + 1) * n);
    const random = seededRandom(options.seed + run);
    const order = sentences.map((_, i) => i);
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let errors = 0;
      let total = 0;
      for (const si of order) {
        model.clock++;
        const feats = features[si]!;
        const gold = goldIds[si]!;
        const length = feats.length;
        const emissions = new Float64Array(length * n);
        for (let i = 0; i < length; i++) {
          for (const f of feats[i]!) for (let t = 0; t < n; t++) emissions[i * n + t]! += w[f * n + t]!;
        }
        for (let p = 0; p <= n; p++) for (let t = 0; t < n; t++) transitions[p * n + t] = w[transitionRows[p]! * n + t]!;
        const guess = viterbi(emissions, length, n, transitions, tables);
        for (let i = 0; i < length; i++) {
          const g = gold[i]!;
          const y = guess[i]!;
          const gp = i === 0 ? n : gold[i - 1]!;
          const yp = i === 0 ? n : guess[i - 1]!;
          if (g !== y) {
            errors++;
            for (const f of feats[i]!) {
              model.add(f * n + g, 1);
              model.add(f * n + y, -1);
            }
          }
          if (g !== y || gp !== yp) {
            model.add(transitionRows[gp]! * n + g, 1);
            model.add(transitionRows[yp]! * n + y, -1);
          }
        }
        total += length;
      }
      const values = model.averaged();
      const sum = (sums[epoch - 1] ??= new Float64Array(values.length));
      for (let k = 0; k < values.length; k++) sum[k]! += values[k]! / runs;
      options.log?.(`run ${run + 1}/${runs} epoch ${epoch}: token errors ${((errors / total) * 100).toFixed(2)}%`);
    }
  }
  let best: { score: number; epoch: number; values: Float64Array } | undefined;
  sums.forEach((values, e) => {
    const score = options.onEpoch?.(e + 1, compiled(values)) ?? e + 1;
    options.log?.(`epoch ${e + 1}: score ${score.toFixed(4)}`);
    if (!best || score > best.score) best = { score, epoch: e + 1, values };
  });
  return toFile(tags, index, best!.values, options, best!.epoch);
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
  const clusters = options.clusters ? Object.fromEntries([...options.clusters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : undefined;
  return { format: MODEL_FORMAT, tags, scale, features, ...(clusters ? { clusters } : {}), meta: { epoch, prune: options.prune } };
}
