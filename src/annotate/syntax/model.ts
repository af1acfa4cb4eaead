/**
 * The parser's model file (`models/parser.json`): the tagger's and the
 * parser's weights as base64 typed arrays, the tag dictionary and the label
 * set. Loaded once per path.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/index.js';
import { DependencyParser, parserInput } from './parser.js';
import { PosTagger, UPOS } from './tagger.js';
import { InlineWeights, SparseWeights, type StoredWeights } from './weights.js';

export const PARSER_MODEL_FORMAT = 'parallax-parser/1';

/** The shipped model, resolved from this file so it works from `src/` and from `dist/` alike. */
export const DEFAULT_PARSER_MODEL_PATH = fileURLToPath(new URL('../../../models/parser.json', import.meta.url));

export interface ParserModelFile {
  readonly format: typeof PARSER_MODEL_FORMAT;
  readonly trainedOn: string;
  readonly meta: Readonly<Record<string, string | number>>;
  /** UPOS tags in id order (must equal `UPOS`). */
  readonly tags: readonly string[];
  /** Arc labels in id order. */
  readonly labels: readonly string[];
  /** Words (as written, digits as 0) with the tag id they always take. */
  readonly dictionary: Readonly<Record<string, number>>;
  readonly tagger: StoredWeights;
  readonly moves: StoredWeights;
  readonly labeler: StoredWeights;
}

/** Tags and a dependency tree of one sentence, by word. */
export interface WordParse {
  /** UPOS ids of the words. */
  readonly tags: Uint8Array;
  /** Head of each word, -1 for the root. */
  readonly heads: Int32Array;
  /** Label of each word's arc. */
  readonly rels: readonly string[];
}

/** A loaded tagger and parser. */
export class SyntaxModel {
  readonly tagger: PosTagger;
  readonly parser: DependencyParser;
  /** Arc labels in id order: all the model keeps of its file once loaded (the file's weights, as text, are megabytes). */
  readonly labels: readonly string[];

  constructor(file: ParserModelFile) {
    this.labels = file.labels;
    this.tagger = new PosTagger(new SparseWeights(file.tagger), new Map(Object.entries(file.dictionary)));
    const root = file.labels.indexOf('root');
    this.parser = new DependencyParser(new InlineWeights(file.moves), new SparseWeights(file.labeler), file.labels, root);
  }

  /** Tag (unless `tags` are given) and parse one sentence of words. */
  parseWords(forms: readonly string[], tags?: Uint8Array): WordParse {
    const words = new Int32Array(forms.length);
    const used = tags ?? this.tagger.tag(forms, words);
    const { heads, labels } = this.parser.parse(parserInput(forms, used, tags ? undefined : words));
    return { tags: used, heads, rels: Array.from(labels, (l) => this.labels[l]!) };
  }
}

const cache = new Map<string, SyntaxModel>();

/** Load (once per path) the tagger and parser. */
export function loadSyntaxModel(modelPath: string = DEFAULT_PARSER_MODEL_PATH): SyntaxModel {
  const hit = cache.get(modelPath);
  if (hit) return hit;
  let file: ParserModelFile;
  try {
    file = JSON.parse(readFileSync(modelPath, 'utf8')) as ParserModelFile;
  } catch (cause) {
    throw new ConfigError('E_PARSER_MODEL', `cannot read the parser model ${modelPath}: run npm run train:parser`, { cause });
  }
  if (file.format !== PARSER_MODEL_FORMAT) {
    throw new ConfigError('E_PARSER_MODEL', `${modelPath} is not a ${PARSER_MODEL_FORMAT} model (format ${String(file.format)})`);
  }
  if (file.tags.join(' ') !== UPOS.join(' ')) {
    throw new ConfigError('E_PARSER_MODEL', `${modelPath} numbers its tags differently from this code's UPOS list`);
  }
  const model = new SyntaxModel(file);
  cache.set(modelPath, model);
  return model;
}
