import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/index.js';
import { DIMENSION, NULL_FEATURES, PAIR_FEATURES } from './features.js';

/**
 * The mention-ranking model: one weight vector per kind of mention (a block),
 * trained twice, once with features read from a dependency parse and once from
 * word order alone, and the least probability at which a link is kept.
 */

/** Mention kinds with weights of their own. */
export const BLOCKS = ['personal', 'it', 'they', 'role', 'description'] as const;
export type Block = (typeof BLOCKS)[number];
/** Grammar read from the `syntax` layer, or from word order when the article has no parse. */
export type GrammarSource = 'parsed' | 'unparsed';

export interface ReferenceModelFile {
  readonly about: string;
  /** Feature names, in vector order (pair features, then the unlinked option's). */
  readonly features: readonly string[];
  readonly weights: Record<GrammarSource, Record<Block, number[]>>;
  /** Least probability of the best entity at which the link is kept, per block. */
  readonly thresholds: Record<GrammarSource, Record<Block, number>>;
}

export interface BlockModel {
  readonly weights: Float64Array;
  readonly threshold: number;
}
export type ReferenceModel = Record<GrammarSource, Record<Block, BlockModel>>;

/** The shipped model. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/reference.json', import.meta.url));

const cache = new Map<string, ReferenceModel>();

/** A model from its file contents; the feature list must be the one this code computes. */
export function modelFromFile(file: ReferenceModelFile, source = 'the reference model'): ReferenceModel {
  const expected = [...PAIR_FEATURES, ...NULL_FEATURES];
  if (file.features.length !== expected.length || file.features.some((f, i) => f !== expected[i])) {
    throw new ConfigError('E_MODEL_FEATURES', `${source} was trained with other features than this code computes; retrain it with npm run train:reference`);
  }
  const out = {} as ReferenceModel;
  for (const g of ['parsed', 'unparsed'] as const) {
    out[g] = {} as Record<Block, BlockModel>;
    for (const b of BLOCKS) {
      const w = file.weights[g]?.[b];
      if (!w || w.length !== DIMENSION) throw new ConfigError('E_MODEL_FEATURES', `${source} has no ${g} weights for ${b} mentions; retrain it with npm run train:reference`);
      out[g][b] = { weights: Float64Array.from(w), threshold: file.thresholds[g][b] };
    }
  }
  return out;
}

/** Load (once per path) the model file. */
export function loadModel(path: string = DEFAULT_MODEL_PATH): ReferenceModel {
  let model = cache.get(path);
  if (!model) {
    let file: ReferenceModelFile;
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as ReferenceModelFile;
    } catch (err) {
      throw new ConfigError('E_MODEL_READ', `cannot read the reference model ${path}: ${(err as Error).message}; run npm run train:reference`, { cause: err });
    }
    model = modelFromFile(file, path);
    cache.set(path, model);
  }
  return model;
}

/** A model with zero weights and a given threshold: every link at chance, for training from scratch. */
export function emptyModel(threshold = 1.01): ReferenceModel {
  const out = {} as ReferenceModel;
  for (const g of ['parsed', 'unparsed'] as const) {
    out[g] = {} as Record<Block, BlockModel>;
    for (const b of BLOCKS) out[g][b] = { weights: new Float64Array(DIMENSION), threshold };
  }
  return out;
}
