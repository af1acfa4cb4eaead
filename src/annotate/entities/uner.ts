import { tokenize } from '../tokens/index.js';
import { alignPos } from './features.js';
import { loadTagger, DEFAULT_MODEL_PATH } from './model.js';
import { tagMentions, type TaggerToken } from './tag.js';
import { applyRules } from './rules.js';
import { propagateNames } from './propagate.js';
import { scoreMentions, type PRF, type ScoredMention } from './bio.js';

/** One record of the Universal NER JSON Lines files in ../shared/eval-data/ner. */
interface UnerRecord {
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

/** UNER's labels: its LOC covers our GPE and LOC. */
const UNER_TYPE: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC' };
/** Sentences of one document are joined with a blank line, so no rule runs across them. */
const SENTENCE_JOIN = '\n\n';

/**
 * Score the tagger (with its rules) on Universal NER records, over the gold
 * tokens, per document so the document features work as in an article.
 * Exact start, end and type; micro F1 over PER, ORG, LOC.
 */
export function evaluateUner(jsonl: string, options: { modelPath?: string; rules?: boolean } = {}): UnerResult {
  const records = jsonl.split('\n').filter(Boolean).map((l) => JSON.parse(l) as UnerRecord);
  const tagger = loadTagger(options.modelPath ?? DEFAULT_MODEL_PATH);
  const byDoc = new Map<string, UnerRecord[]>();
  for (const r of records) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);
  const pairs: { gold: ScoredMention[]; predicted: ScoredMention[] }[] = [];
  let tokenCount = 0;
  const started = performance.now();
  for (const docRecords of byDoc.values()) {
    let text = '';
    const sentences: TaggerToken[][] = [];
    const gold: ScoredMention[] = [];
    for (const r of docRecords) {
      const offset = text.length;
      const pos = alignPos(tokenize(r.text).tokens, r.tokens);
      sentences.push(r.tokens.map((t, i) => ({ start: offset + t.start, end: offset + t.end, pos: pos[i] })));
      for (const e of r.entities) gold.push({ start: offset + e.start, end: offset + e.end, type: e.type });
      text += r.text + SENTENCE_JOIN;
      tokenCount += r.tokens.length;
    }
    let mentions = tagMentions(text, sentences, tagger);
    if (options.rules !== false) mentions = propagateNames(text, sentences.flat(), applyRules(text, mentions));
    pairs.push({ gold, predicted: mentions.flatMap((m) => (UNER_TYPE[m.type] ? [{ ...m, type: UNER_TYPE[m.type]! }] : [])) });
  }
  const milliseconds = performance.now() - started;
  const { micro, byType } = scoreMentions(pairs, ['PER', 'ORG', 'LOC']);
  return { micro, byType, tokens: tokenCount, sentences: records.length, milliseconds };
}
