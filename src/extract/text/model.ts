import { readFileSync } from 'node:fs';
import { ConfigError, seededRandom } from '../../core/index.js';
import type { LineFeatures } from './features.js';

/** Weights of the body/not-body line classifier and the decoder settings tuned with it. */
export interface LineModel {
  readonly version: 1;
  /** First pass: feature name → weight of a logistic regression over the line and its neighbours' shapes. */
  readonly weights: Weights;
  /** Second pass: the same features plus the first pass's scores around the line (auto-context). */
  readonly contextWeights: Weights;
  /** Cost, in nats, of switching between body and furniture from one line to the next. */
  readonly switchCost: number;
  /** Where the weights came from, so they can be reproduced. */
  readonly trainedOn?: string;
}

export interface TrainOptions {
  readonly epochs?: number;
  /** L2 penalty per update: keeps rare page-specific features from dominating. */
  readonly l2?: number;
  readonly learningRate?: number;
  readonly seed?: number;
  readonly switchCost?: number;
}

/** Enough passes for AdaGrad to settle on ~17k lines. */
const DEFAULT_EPOCHS = 12;
const DEFAULT_L2 = 1e-3;
const DEFAULT_RATE = 0.3;
/** Default decoder switch cost, tuned by cross-validation on the extraction set. */
export const DEFAULT_SWITCH_COST = 1;
/** Weights smaller than this change no decision: dropped to keep the committed model small. */
const PRUNE_BELOW = 1e-3;

export type Weights = Readonly<Record<string, number>>;

/** Probability that a line is article body under one pass's weights. */
export function scoreLine(weights: Weights, features: LineFeatures): number {
  let z = 0;
  for (const [name, value] of features) z += (weights[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}


/**
 * Fit a logistic regression (AdaGrad, L2) on labelled line features.
 * Deterministic for a given seed.
 */
export function trainLogistic(
  examples: ReadonlyArray<{ readonly features: LineFeatures; readonly body: boolean }>,
  options: TrainOptions = {},
): Weights {
  const epochs = options.epochs ?? DEFAULT_EPOCHS;
  const l2 = options.l2 ?? DEFAULT_L2;
  const rate = options.learningRate ?? DEFAULT_RATE;
  const random = seededRandom(options.seed ?? 1);
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const ex = examples[idx]!;
      let z = 0;
      for (const [name, value] of ex.features) z += (w.get(name) ?? 0) * value;
      const p = 1 / (1 + Math.exp(-z));
      const err = p - (ex.body ? 1 : 0);
      for (const [name, value] of ex.features) {
        const wi = w.get(name) ?? 0;
        const grad = err * value + l2 * wi;
        const acc = (g2.get(name) ?? 0) + grad * grad;
        g2.set(name, acc);
        w.set(name, wi - (rate * grad) / Math.sqrt(acc + 1e-8));
      }
    }
  }
  const weights: Record<string, number> = {};
  for (const [name, value] of [...w].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (Math.abs(value) >= PRUNE_BELOW) weights[name] = Math.round(value * 1e4) / 1e4;
  }
  return weights;
}

/** The committed model: `models/line-classifier.json` at the package root (same depth from src/ and dist/). */
const DEFAULT_MODEL_URL = new URL('../../../models/line-classifier.json', import.meta.url);

let cached: LineModel | undefined;

/** Load the committed line classifier once; throws ConfigError with code E_LINE_MODEL when it is missing or malformed. */
export function loadLineModel(): LineModel {
  if (cached) return cached;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(DEFAULT_MODEL_URL, 'utf8'));
  } catch (cause) {
    throw new ConfigError('E_LINE_MODEL', `cannot read ${DEFAULT_MODEL_URL.pathname}: run npm run train:lines`, { cause });
  }
  const m = parsed as Partial<LineModel>;
  if (m.version !== 1 || typeof m.weights !== 'object' || typeof m.contextWeights !== 'object' || typeof m.switchCost !== 'number') {
    throw new ConfigError('E_LINE_MODEL', `${DEFAULT_MODEL_URL.pathname} is not a version 1 line model: run npm run train:lines`);
  }
  cached = m as LineModel;
  return cached;
}
