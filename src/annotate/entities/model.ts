import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/index.js';
import { MODEL_FORMAT, modelFromFile, type PerceptronModelFile, type TaggerModel } from './perceptron.js';
import { gazetteerWith, type Gazetteer } from './gazetteer.js';
import { readSparseModel, type SparseFeatures } from '../shared/sparse-model.js';

/** The shipped model, resolved from this file so it works from `src/` and from `dist/` alike. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/ner-perceptron.json', import.meta.url));

/** A loaded tagger: its model and the gazetteer its features were trained with. */
export interface LoadedTagger {
  readonly model: TaggerModel;
  /** The document-consistency pass, when the model file has one. */
  readonly second?: TaggerModel;
  readonly gazetteer: Gazetteer;
}

const cache = new Map<string, LoadedTagger>();

/** A model file as read: its feature weights as rows. */
type StoredModel = Omit<PerceptronModelFile, 'features' | 'secondPass'> & {
  readonly features: SparseFeatures;
  readonly secondPass?: Pick<PerceptronModelFile, 'tags' | 'scale'> & { readonly features: SparseFeatures };
};

/** Load (once per path) the perceptron tagger and its gazetteer. */
export function loadTagger(modelPath: string = DEFAULT_MODEL_PATH): LoadedTagger {
  const hit = cache.get(modelPath);
  if (hit) return hit;
  let file: StoredModel;
  try {
    // the weights read as rows, not as an object of 170k arrays (see sparse-model.ts)
    file = readSparseModel(readFileSync(modelPath), [['features'], ['secondPass', 'features']]) as StoredModel;
  } catch (cause) {
    throw new ConfigError('E_NER_MODEL', `cannot read the entity model ${modelPath}: run npm run train:ner`, { cause });
  }
  if (file.format !== MODEL_FORMAT) {
    throw new ConfigError('E_NER_MODEL', `${modelPath} is not a ${MODEL_FORMAT} model (format ${String(file.format)})`);
  }
  const second = file.secondPass ? modelFromFile({ ...file.secondPass, ...(file.clusters ? { clusters: file.clusters } : {}) }) : undefined;
  const loaded = { model: modelFromFile(file), ...(second ? { second } : {}), gazetteer: gazetteerWith(file.lexicon) };
  cache.set(modelPath, loaded);
  return loaded;
}
