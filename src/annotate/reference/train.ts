import { DIMENSION } from './features.js';
import type { TrainingInstance } from './resolve.js';

/**
 * Training the mention ranker: a conditional log-linear model over each
 * decision's options (leave unlinked, or one of the entities within reach),
 * fitted by full-batch AdaGrad with an L2 penalty. Full batch and a fixed
 * number of steps make it deterministic.
 */

export interface TrainOptions {
  readonly iterations?: number;
  readonly rate?: number;
  readonly l2?: number;
}

function scores(w: Float64Array, options: readonly Float64Array[]): number[] {
  const out = options.map((x) => {
    let s = 0;
    for (let i = 0; i < DIMENSION; i++) if (x[i] !== 0) s += w[i]! * x[i]!;
    return s;
  });
  const max = Math.max(...out);
  const exp = out.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** Weights for one block, and the mean negative log-likelihood they reach on the training decisions. */
export function trainRanker(instances: readonly TrainingInstance[], options: TrainOptions = {}): { weights: Float64Array; loss: number } {
  const iterations = options.iterations ?? 400;
  const rate = options.rate ?? 0.3;
  const l2 = options.l2 ?? 1e-3;
  const w = new Float64Array(DIMENSION);
  const squared = new Float64Array(DIMENSION);
  let loss = 0;
  const n = Math.max(1, instances.length);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(DIMENSION);
    loss = 0;
    for (const inst of instances) {
      const p = scores(w, inst.options);
      loss -= Math.log(Math.max(1e-12, p[inst.gold]!));
      inst.options.forEach((x, j) => {
        const coef = p[j]! - (j === inst.gold ? 1 : 0);
        if (coef === 0) return;
        for (let i = 0; i < DIMENSION; i++) if (x[i] !== 0) grad[i] += (coef * x[i]!) / n;
      });
    }
    for (let i = 0; i < DIMENSION; i++) {
      const g = grad[i]! + l2 * w[i]!;
      squared[i] += g * g;
      w[i] -= (rate * g) / (Math.sqrt(squared[i]!) + 1e-8);
    }
    loss /= n;
  }
  return { weights: w, loss };
}

/** One link made on held-out data: its probability and whether it was right. */
export interface HeldOutLink {
  readonly probability: number;
  readonly right: boolean;
}

/** A threshold no probability reaches: the block abstains on every mention. */
export const NEVER = 1.01;

/** F-beta with beta 0.5: precision weighs twice recall (a wrong speaker is worse than none). */
const BETA = 0.5;

/** A block whose held-out links are less often right than this never links (a guess is worse than nothing). */
export const MIN_PRECISION = 0.8;

/**
 * The least probability at which links are kept: of the thresholds whose
 * held-out precision reaches MIN_PRECISION, the one with the best F0.5
 * (precision over recall); `linkable` is how many mentions could have been linked.
 */
export function chooseThreshold(links: readonly HeldOutLink[], linkable: number, grid: readonly number[]): { threshold: number; precision: number; recall: number } {
  // no threshold that links anything right: the block never links
  let best = { threshold: NEVER, precision: 0, recall: 0, f: 0 };
  for (const t of grid) {
    const kept = links.filter((l) => l.probability >= t);
    const right = kept.filter((l) => l.right).length;
    const precision = kept.length ? right / kept.length : 0;
    const recall = linkable ? right / linkable : 0;
    const f = precision + recall ? ((1 + BETA * BETA) * precision * recall) / (BETA * BETA * precision + recall) : 0;
    if (precision >= MIN_PRECISION && f > best.f + 1e-9) best = { threshold: t, precision, recall, f };
  }
  return { threshold: best.threshold, precision: best.precision, recall: best.recall };
}
