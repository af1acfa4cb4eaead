import { normaliseForMatch, type PageLine } from './lines.js';

/** How far above the body a headline may sit, in non-empty lines (menus, tickers and bylines intervene). */
const TITLE_SEARCH_LINES = 25;
const TITLE_MIN_WORDS = 3;
const TITLE_MAX_WORDS = 30;
/** A headline must share at least this many content words with the opening of the body. */
const MIN_SHARED_WORDS = 2;
/** How many body lines stand for "the start of the body topic". */
const BODY_OPENING_LINES = 4;

const STOPWORDS = new Set(
  'a an the and or but of to in on at for with by from as is are was were be been it its this that these those his her their our your not no has have had will would can could may might than then into over under about after before amid new says said'.split(' '),
);

function stem(word: string): string {
  return word.replace(/'s$/, '').replace(/(ies|es|s)$/, '');
}

function contentWords(text: string): Set<string> {
  return new Set(
    normaliseForMatch(text)
      .split(' ')
      .filter((w) => w.length > 1 && !STOPWORDS.has(w))
      .map(stem),
  );
}

/** Ends like a sentence of prose: headlines end without a full stop. */
const PROSE_END = /[.…。]["'”’)]*$/u;
/** A sentence ending inside the line (not after an initial or "U.S."): a standfirst of two sentences, not a headline. */
const INNER_SENTENCE_END = /[\p{Ll}\d]{2}[.!?]["'”’)]*\s+["'“‘]?\p{Lu}/u;

/** A headline may quote whole sentences ("‘Meth. We’re on it.’: …"): they are not its own. */
function withoutQuotes(text: string): string {
  return text.replace(/‘[^’]*’|“[^”]*”|"[^"]*"/g, '""');
}

export interface TitleChoice {
  readonly index: number;
  readonly score: number;
}

/**
 * Find the headline: a title-like line just above the body (or the body's own first line when
 * that is title-like), scored by the content words it shares with the body's opening, its
 * length, a repeat elsewhere on the page, and closeness to the body. Null when no line qualifies:
 * the first sentence of the body is never promoted to a title.
 */
export function findTitle(lines: readonly PageLine[], body: readonly boolean[]): TitleChoice | null {
  const bodyIdx = body.flatMap((b, i) => (b ? [i] : []));
  if (!bodyIdx.length) return null;
  const start = bodyIdx[0]!;
  const opening = contentWords(bodyIdx.slice(0, BODY_OPENING_LINES + 1).map((i) => lines[i]!.text).join(' '));
  const counts = new Map<string, number>();
  for (const l of lines) {
    const k = normaliseForMatch(l.text);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const candidates: number[] = [];
  for (let i = start - 1, seen = 0; i >= 0 && seen < TITLE_SEARCH_LINES; i--) {
    if (lines[i]!.words === 0) continue;
    seen++;
    candidates.push(i);
  }
  // The classifier sometimes takes the headline as the first body line.
  const first = lines[start]!;
  const second = bodyIdx[1] !== undefined ? lines[bodyIdx[1]] : undefined;
  if (!PROSE_END.test(first.text) && first.words <= TITLE_MAX_WORDS && second && second.words > first.words) candidates.push(start);

  const scored: TitleChoice[] = [];
  for (const i of candidates) {
    const line = lines[i]!;
    if (line.words < TITLE_MIN_WORDS || line.words > TITLE_MAX_WORDS) continue;
    // A caption is a sentence with its credit in brackets after it: prose, not a headline.
    const withoutCredit = line.text.replace(/\s*\([^()]*\)\s*$/, '');
    if (PROSE_END.test(line.text) || PROSE_END.test(withoutCredit) || INNER_SENTENCE_END.test(withoutQuotes(line.text)) || /https?:|www\./i.test(line.text)) continue;
    if (/^(by|source|written by|author)\b/i.test(line.text) || /:$/.test(line.text)) continue;
    const own = contentWords(line.text);
    if (!own.size) continue;
    // Own body text does not count as evidence for itself.
    const reference = i === start ? contentWords(bodyIdx.slice(1, BODY_OPENING_LINES + 2).map((j) => lines[j]!.text).join(' ')) : opening;
    let shared = 0;
    for (const w of own) if (reference.has(w)) shared++;
    if (shared < MIN_SHARED_WORDS) continue;
    const repeated = (counts.get(normaliseForMatch(line.text)) ?? 1) > 1;
    const distance = Math.max(0, start - i);
    const score = shared / Math.sqrt(own.size) + (repeated ? 0.5 : 0) - 0.02 * distance - (line.bullet ? 0.5 : 0);
    scored.push({ index: i, score });
  }
  const best = scored.reduce<TitleChoice | null>((b, c) => (!b || c.score > b.score ? c : b), null);
  if (!best) return null;
  // A headline and its standfirst both open the page and both echo the story; the standfirst, longer
  // and richer in the body's words, often scores higher. The headline is the one printed first.
  const above = scored.find((c) => c.index === previousContentLine(lines, best.index));
  return above && lines[above.index]!.words < lines[best.index]!.words ? above : best;
}

/** The index of the nearest line above `i` that has words, or -1. */
function previousContentLine(lines: readonly PageLine[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (lines[j]!.words > 0) return j;
  return -1;
}
