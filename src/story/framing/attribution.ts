import type { Doc, Span } from '../../core/index.js';

/** How much of an article is put in a source's mouth versus asserted by the outlet. */
export interface Attribution {
  /** Body sentences counted (headings and fragments left out). */
  readonly sentences: number;
  /** Sentences carrying a quote, or the cue of one, from a named source. */
  readonly named: number;
  /** Sentences carrying a quote from a source the article does not name. */
  readonly unnamed: number;
  /** named / sentences (0 when there are no sentences). */
  readonly namedShare: number;
}

/** A sentence of fewer words is a heading, a caption or a fragment, not a claim. */
const MIN_SENTENCE_WORDS = 5;

/** Paragraph-sized sentences when the sentences layer is missing. */
function fallbackSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^.!?\n]+[.!?]*/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Count the body sentences attributed to named and unnamed sources. */
export function measureAttribution(doc: Doc): Attribution {
  const sentences = (doc.layers.sentences ?? fallbackSentences(doc.text)).filter(
    (s) => (doc.text.slice(s.start, s.end).match(/\p{L}+/gu) ?? []).length >= MIN_SENTENCE_WORDS,
  );
  const quotes = doc.layers.quotes ?? [];
  let named = 0;
  let unnamed = 0;
  for (const s of sentences) {
    const here = quotes.filter((q) => overlaps(s, q) || (q.cue !== undefined && overlaps(s, q.cue)) || (q.speakerSpan !== undefined && overlaps(s, q.speakerSpan)));
    if (here.some((q) => q.speaker !== undefined)) named++;
    else if (here.length > 0) unnamed++;
  }
  return { sentences: sentences.length, named, unnamed, namedShare: sentences.length ? named / sentences.length : 0 };
}
