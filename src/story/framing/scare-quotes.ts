import type { Doc, Span } from '../../core/index.js';
import { quoteSpans } from './loaded-terms.js';

/** A short phrase in quote marks that nobody is quoted as saying: the outlet distancing itself from a term. */
export interface ScareQuote extends Span {
  readonly text: string;
}

/** Scare quotes are short: a longer marked passage is a quotation the quote finder missed, not a term. */
const MAX_SCARE_QUOTE_WORDS = 4;

/** Paired marks on one line: curly double, straight double, curly single (opening ‘ never doubles as an apostrophe), guillemets. */
const MARKED = /“([^”\n]{1,80})”|"([^"\n]{1,80})"|‘([^’\n]{1,80})’(?!\p{L})|«([^»\n]{1,80})»/gu;

/** A name of a work or a publication in marks ("the newspaper “X”", "an article titled “Y”") is a title, not a scare quote. */
const TITLE_CUE_BEFORE = /\b(?:newspaper|daily|weekly|paper|website|site|outlet|agency|magazine|journal|channel|station|broadcaster|network|show|programme|program|podcast|book|report|article|essay|column|op-ed|film|documentary|song|album|titled|entitled|headlined|named|called|hashtag|slogan|operation|codenamed)\s*$/i;
const TITLE_CUE_AFTER = /^\s*(?:newspaper|daily|weekly|website|site|agency|magazine|journal|channel|station|network|podcast|book|report|article|column)\b/i;

/**
 * Find text in quote marks, 1–4 words, that the quotes layer did not take as a
 * quote and that is not the title of a work or publication.
 */
export function findScareQuotes(doc: Doc): ScareQuote[] {
  const quotes = quoteSpans(doc);
  const found: ScareQuote[] = [];
  for (const m of doc.text.matchAll(MARKED)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const start = m.index + 1;
    const end = start + inner.length;
    const words = inner.trim().split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
    if (words.length === 0 || words.length > MAX_SCARE_QUOTE_WORDS) continue;
    if (/[.!?]\s*$/.test(inner.trim()) && words.length > 1) continue; // a whole short sentence: a quotation
    if (quotes.some((q) => q.start < end && start < q.end)) continue;
    const before = doc.text.slice(Math.max(0, m.index - 40), m.index).replace(/\bthe\s*$/i, '');
    const after = doc.text.slice(end + 1, end + 30);
    if (TITLE_CUE_BEFORE.test(before) || TITLE_CUE_AFTER.test(after)) continue;
    // Every word capitalised: a name (a party, an outlet, an acronym, the title of a work), not a term held at arm's length.
    if (words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|and|for|in|on|a|an|to|de|al)$/.test(w))) continue;
    found.push({ start, end, text: inner.trim() });
  }
  return found;
}
