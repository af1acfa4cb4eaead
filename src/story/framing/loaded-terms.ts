import type { Doc, Span } from '../../core/index.js';
import { loadedReason, type LoadedReason } from './lexicon.js';

/** One loaded or evaluative word in the body, and whose words they are. */
export interface LoadedTermHit extends Span {
  readonly term: string;
  readonly reason: LoadedReason;
  /** Inside a quote: the speaker's word, not the outlet's. */
  readonly quoted: boolean;
}

/** A word with inner hyphens or apostrophes ("so-called", "hard-line"). */
const WORD = /\p{L}+(?:[-'’]\p{L}+)*/gu;

/** Quote content spans, sorted: a word inside one is the speaker's, not the outlet's. */
export function quoteSpans(doc: Doc): Span[] {
  return (doc.layers.quotes ?? []).map((q) => ({ start: q.start, end: q.end })).sort((a, b) => a.start - b.start);
}

/** True when [start, end) lies inside one of the sorted spans. */
export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => start >= s.start && end <= s.end);
}

/**
 * Find loaded and evaluative words in the body. Proper-noun parts (a word the
 * tagger calls PROPN, or capitalised mid-sentence: "Supreme Court") and words
 * inside entity mentions are names, not judgements, and are skipped.
 */
export function findLoadedTerms(doc: Doc): LoadedTermHit[] {
  const quotes = quoteSpans(doc);
  const names = (doc.layers.entities ?? []).map((m) => ({ start: m.start, end: m.end }));
  const posAt = new Map<number, string | undefined>();
  for (const t of doc.layers.tokens ?? []) posAt.set(t.start, t.pos);
  const sentenceStarts = new Set((doc.layers.sentences ?? []).map((s) => s.start));
  const hits: LoadedTermHit[] = [];
  for (const m of doc.text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const reason = loadedReason(m[0]);
    if (!reason) continue;
    if (insideAny(names, start, end)) continue;
    if (posAt.get(start) === 'PROPN') continue;
    if (/^\p{Lu}/u.test(m[0]) && !isSentenceStart(doc.text, start, sentenceStarts)) continue;
    hits.push({ start, end, term: m[0].toLowerCase(), reason, quoted: insideAny(quotes, start, end) });
  }
  return hits;
}

function isSentenceStart(text: string, at: number, sentenceStarts: ReadonlySet<number>): boolean {
  if (sentenceStarts.has(at)) return true;
  // Without a sentences layer, or after an opening quote mark: look back past marks and spaces.
  const before = text.slice(Math.max(0, at - 4), at).replace(/[\s"“‘'(]+$/u, '');
  return before === '' || /[.!?:]$/.test(before);
}

/** Distinct terms in order of first appearance. */
export function distinctTerms(hits: readonly LoadedTermHit[]): string[] {
  return [...new Set(hits.map((h) => h.term))];
}
