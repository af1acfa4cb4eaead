import type { DocWith, Span, Stage } from '../../core/index.js';
import type { Token } from '../tokens/index.js';
import { DEFAULT_PARSER_MODEL_PATH, loadSyntaxModel } from './model.js';
import { UPOS } from './tagger.js';
import type { Dependency } from './tree.js';
import { parserWords, tokenHeads } from './words.js';

export {
  childrenOf, subjectOf, objectOf, agentOf, caseOf, appositionsOf, relativeAntecedentOf, clauseOf, subtreeSpan, type Dependency,
} from './tree.js';
export { loadSyntaxModel, DEFAULT_PARSER_MODEL_PATH, type SyntaxModel } from './model.js';

declare module '../../core/layers.js' {
  interface LayerMap {
    syntax: Dependency[];
  }
}

export interface SyntaxOptions {
  /** Path of a parser model file; defaults to the shipped `models/parser.json`. */
  readonly modelPath?: string;
}

/**
 * A dependency parse of every sentence: one `Dependency` per token of the
 * `tokens` layer, in the same order. Each sentence is tagged and parsed on
 * its own, in time linear in its length.
 */
export function parseSentences(
  text: string,
  layers: { sentences: readonly Span[]; tokens: readonly Token[] },
  options: SyntaxOptions = {},
): Dependency[] {
  const model = loadSyntaxModel(options.modelPath ?? DEFAULT_PARSER_MODEL_PATH);
  const { tokens } = layers;
  const out = new Array<Dependency>(tokens.length);
  let from = 0;
  while (from < tokens.length) {
    let to = from + 1;
    while (to < tokens.length && tokens[to]!.sentence === tokens[from]!.sentence) to++;
    const words = parserWords(text, tokens, from, to);
    const parse = model.parseWords(words.map((w) => w.form));
    const upos = Array.from(parse.tags, (t) => UPOS[t]!);
    const chosen = tokenHeads(words, parse.heads, upos, from, to);
    for (let t = from; t < to; t++) {
      const w = chosen[t - from]!;
      const headWord = parse.heads[w]!;
      let head = headWord < 0 ? -1 : words[headWord]!.token;
      if (head === t) head = -1;
      out[t] = { head, rel: head < 0 ? 'root' : parse.rels[w]!, upos: upos[w]! };
    }
    from = to;
  }
  return out;
}

/**
 * The syntax stage: a greedy transition-based dependency parser (arc-hybrid,
 * averaged perceptron, dynamic oracle) with its own part-of-speech tagger,
 * both trained on Universal Dependencies English-EWT and English-GUM. It
 * gives the subject of every verb and every apposition to the stages after it.
 *
 * @example
 * const doc2 = createPipeline([tokens(), syntax()]).run(doc);
 * const said = 4; // the token of "said"
 * subjectOf(doc2.layers.syntax!, said); // the token index of its subject
 */
export function syntax(options: SyntaxOptions = {}): Stage<'sentences' | 'tokens', 'syntax'> {
  return {
    name: 'syntax',
    requires: ['sentences', 'tokens'],
    provides: ['syntax'],
    run(doc: DocWith<'sentences' | 'tokens'>) {
      return { syntax: parseSentences(doc.text, doc.layers, options) };
    },
  };
}
