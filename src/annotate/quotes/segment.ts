import type { Span } from '../../core/index.js';

/** A word or punctuation token of the text, by offset. */
export interface Token extends Span {
  readonly text: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
/** Abbreviations whose period does not end a sentence (titles, initials, months). */
const ABBREVIATION = /(?:^|\s|\()(?:Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|Sr|Jr|St|Lt|Col|Capt|Sgt|Adm|Rev|Hon|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|No|vs|etc|[A-Z])\.$/;

/**
 * The same token pattern, sticky: every character that is not whitespace starts
 * a token (a word, or one punctuation mark), so a scan that skips whitespace and
 * matches here finds exactly the matches of the global pattern, without
 * allocating a match per token.
 */
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');
const SPACES = /\s*/uy;

/** Tokens in [from, to): words (with inner apostrophes, hyphens, periods of initials) and single punctuation marks. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  let at = 0;
  for (;;) {
    SPACES.lastIndex = at;
    SPACES.test(slice);
    at = SPACES.lastIndex;
    if (at >= slice.length) break;
    TOKEN_AT.lastIndex = at;
    // cannot fail: a non-space character always matches one of the two branches
    if (!TOKEN_AT.test(slice)) break;
    const end = TOKEN_AT.lastIndex;
    const matched = slice.slice(at, end);
    let word = matched;
    // A trailing period belongs to the word only for abbreviations and initials ("Dr.", "U.S.").
    if (word.length > 1 && word.endsWith('.') && !/^(?:[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])\.$/.test(word) && !ABBREVIATION.test(` ${word}`)) word = word.slice(0, -1);
    out.push({ start: from + at, end: from + at + word.length, text: word });
    if (word.length < matched.length) out.push({ start: from + at + word.length, end: from + end, text: '.' });
    at = end;
  }
  return out;
}

/** Paragraphs: runs of text between line breaks, trimmed. */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

/**
 * A light sentence splitter for when no sentences layer is given: paragraph
 * breaks, and `.?!` (with closing quote marks) followed by space and an
 * upper-case letter, digit or opening mark, except after abbreviations.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const end = /[.?!]+["'”’»)]*(?=\s+["“‘«(]?[\p{Lu}\p{N}])/gu;
  for (const p of splitParagraphs(text)) {
    const para = text.slice(p.start, p.end);
    let start = 0;
    for (const m of para.matchAll(end)) {
      const stop = m.index + m[0].length;
      if (m[0].startsWith('.') && ABBREVIATION.test(para.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
      out.push({ start: p.start + start, end: p.start + stop });
      start = stop + (para.slice(stop).length - para.slice(stop).trimStart().length);
    }
    if (start < para.length) out.push({ start: p.start + start, end: p.end });
  }
  return out;
}

/** Index of the span containing `at`, or of the last span starting before it; -1 before all. */
export function spanIndexAt(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= at) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
