import { tokenize } from '../tokens/index.js';
import { alignPos } from './features.js';
import { loadTagger, DEFAULT_MODEL_PATH } from './model.js';
import type { TaggerToken } from './tag.js';
import { findRawMentions } from './mentions.js';
import { scoreMentions, type PRF, type ScoredMention } from './bio.js';

/**
 * One record of the entity JSON Lines files in ../shared/eval-data/ner (Universal NER)
 * and ../shared/eval-data/ner/conll2003 (CoNLL-2003): one sentence, its gold tokens and entities.
 */
interface NerRecord {
  readonly doc: string;
  readonly text: string;
  readonly tokens: readonly { readonly t: string; readonly start: number; readonly end: number }[];
  readonly entities: readonly { readonly start: number; readonly end: number; readonly type: string }[];
}

export interface UnerResult {
  readonly micro: PRF;
  readonly byType: Record<string, PRF>;
  readonly tokens: number;
  readonly sentences: number;
  readonly milliseconds: number;
}

export interface EvaluateOptions {
  readonly modelPath?: string;
  readonly rules?: boolean;
  /**
   * Gold types the scorer does not type (CoNLL-2003's MISC): a prediction lying inside
   * one of their spans is neither right nor wrong, since the words are a name of a kind
   * Parallax has no type for.
   */
  readonly ignoreTypes?: readonly string[];
}

/** The data sets' labels: their LOC covers our GPE and LOC. */
const SCORED_TYPE: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC' };
/** Sentences of one document are joined with a blank line, so no rule runs across them. */
const SENTENCE_JOIN = '\n\n';

/**
 * Score the tagger (with its rules) on entity records over the gold tokens,
 * per document so the document features work as in an article.
 * Exact start, end and type; micro F1 over PER, ORG, LOC.
 */
export function evaluateNerFile(jsonl: string, options: EvaluateOptions = {}): UnerResult {
  const records = jsonl.split('\n').filter(Boolean).map((l) => JSON.parse(l) as NerRecord);
  const tagger = loadTagger(options.modelPath ?? DEFAULT_MODEL_PATH);
  const ignored = new Set(options.ignoreTypes ?? []);
  const byDoc = new Map<string, NerRecord[]>();
  for (const r of records) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);
  const pairs: { gold: ScoredMention[]; predicted: ScoredMention[] }[] = [];
  let tokenCount = 0;
  let milliseconds = 0;
  for (const docRecords of byDoc.values()) {
    let text = '';
    const sentences: TaggerToken[][] = [];
    const gold: ScoredMention[] = [];
    const unscored: ScoredMention[] = [];
    for (const r of docRecords) {
      const offset = text.length;
      const pos = alignPos(tokenize(r.text).tokens, r.tokens);
      sentences.push(r.tokens.map((t, i) => ({ start: offset + t.start, end: offset + t.end, pos: pos[i] })));
      for (const e of r.entities) (ignored.has(e.type) ? unscored : gold).push({ start: offset + e.start, end: offset + e.end, type: e.type });
      text += r.text + SENTENCE_JOIN;
      tokenCount += r.tokens.length;
    }
    const started = performance.now();
    const mentions = findRawMentions(text, sentences, tagger, { rules: options.rules !== false });
    milliseconds += performance.now() - started;
    const predicted = mentions.flatMap((m) => (SCORED_TYPE[m.type] ? [{ start: m.start, end: m.end, type: SCORED_TYPE[m.type]! }] : []));
    pairs.push({ gold, predicted: predicted.filter((m) => !unscored.some((u) => u.start <= m.start && m.end <= u.end)) });
  }
  const { micro, byType } = scoreMentions(pairs, ['PER', 'ORG', 'LOC']);
  return { micro, byType, tokens: tokenCount, sentences: records.length, milliseconds };
}

/** Universal NER English-EWT records (PER / ORG / LOC only). */
export function evaluateUner(jsonl: string, options: EvaluateOptions = {}): UnerResult {
  return evaluateNerFile(jsonl, options);
}
