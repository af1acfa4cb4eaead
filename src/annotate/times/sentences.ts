import type { Span } from '../../core/index.js';

/** Words that end with a period without ending a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'u.s', 'u.n', 'u.k', 'a.m', 'p.m', 'e.g', 'i.e',
]);

/**
 * Split text into sentences cheaply: at line breaks, and after . ! ? followed by
 * space and a capital, a digit or a quote, unless the period closes an abbreviation or an initial.
 * Good enough to find a sentence's tense; the tokens stage does this properly when present.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    while (s < end && /\s/.test(text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };
  const boundary = /\n|[.!?]+["'”’)]*(?=\s+["'“‘(]?[\p{Lu}\d])/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0] !== '\n' && m[0][0] === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    push(end);
  }
  push(text.length);
  return spans;
}
