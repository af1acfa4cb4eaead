/**
 * The story summary against `summary_gold` (10 lines on the Iran corpus). A gold line is covered
 * when one summary line cites one of its articles and states at least half of its key facts:
 * the names, dates, figures and quoted words it contains. Key facts are read from the gold line
 * by form (capitalised words, day-month dates, years, percentages, words in quote marks), dates
 * in the summary are compared whatever their format. A summary line is checked for evidence:
 * every evidence passage must be the article's own words.
 */
import type { Doc } from '../../src/core/index.js';
import type { SourceEvidence } from '../../src/story/types.js';
import { norm, type StoryGold } from './gold.js';

export interface SummaryLineLike { readonly text: string; readonly evidence: readonly SourceEvidence[] }
export interface SummaryScore { readonly lines: number; readonly goldLines: number; readonly covered: number; readonly verbatim: number; readonly detail: string[] }

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Capitalised words that open a sentence or name no fact. */
const NOT_NAMES = new Set(['the', 'all', 'other', 'shared', 'unverified', 'sources', 'only', 'while', 'and', 'but', 'on', 'in', 'a', 'an', 'his', 'her', 'its', 'leader', 'president', 'supreme', 'mp', 'us', 'un', 'imf', 'x']);

/** "7 February 2025", "February 7", "2025-02-07" → "2-7"; "July 2024" → "7-2024". */
function dateKeys(text: string): string[] {
  const out: string[] = [];
  const t = text.toLowerCase();
  for (const m of t.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) out.push(`${Number(m[2])}-${Number(m[3])}`);
  for (const m of t.matchAll(/\b(\d{4})-(\d{2})\b(?!-)/g)) out.push(`${Number(m[2])}-${m[1]}`);
  const month = MONTHS.join('|');
  for (const m of t.matchAll(new RegExp(`\\b(\\d{1,2})\\s+(${month})\\b`, 'g'))) out.push(`${MONTHS.indexOf(m[2]!) + 1}-${Number(m[1])}`);
  for (const m of t.matchAll(new RegExp(`\\b(${month})\\s+(\\d{1,2})\\b(?!\\d)`, 'g'))) out.push(`${MONTHS.indexOf(m[1]!) + 1}-${Number(m[2])}`);
  for (const m of t.matchAll(new RegExp(`\\b(${month})\\s+(\\d{4})\\b`, 'g'))) out.push(`${MONTHS.indexOf(m[1]!) + 1}-${m[2]}`);
  return out;
}

/** The key facts of a gold line. */
export function keyFacts(line: string): string[] {
  const facts = new Set<string>();
  for (const d of dateKeys(line)) facts.add(`date:${d}`);
  const withoutDates = line.replace(new RegExp(`\\b(?:${MONTHS.join('|')})\\b`, 'gi'), ' ');
  for (const m of withoutDates.matchAll(/\b(?:19|20)\d{2}\b/g)) if (!/\d{1,2}\s+\w+\s+$/.test(line.slice(0, m.index))) facts.add(`year:${m[0]}`);
  for (const m of line.matchAll(/\d+(?:\.\d+)?%/g)) facts.add(`num:${m[0]}`);
  for (const m of line.matchAll(/['‘“]([^'’”]{3,60})['’”]/g)) facts.add(`quote:${norm(m[1]!)}`);
  for (const m of line.matchAll(/(?<![.:]\s)(?<!^)\b(\p{Lu}[\p{L}'’-]{2,})/gu)) {
    const w = norm(m[1]!).replace(/'.*$/, '');
    if (!NOT_NAMES.has(w) && !MONTHS.includes(w)) facts.add(`name:${w}`);
  }
  return [...facts];
}

function states(line: string, fact: string): boolean {
  const [kind, value] = [fact.slice(0, fact.indexOf(':')), fact.slice(fact.indexOf(':') + 1)];
  if (kind === 'date') return dateKeys(line).includes(value);
  if (kind === 'year') return line.includes(value);
  if (kind === 'num') return line.includes(value);
  return norm(line).includes(value);
}

export function scoreSummary(gold: StoryGold, lines: readonly SummaryLineLike[], corpus: { docOf(id: string): Doc | undefined; idOf(article: string): string | undefined }): SummaryScore {
  const detail: string[] = [];
  let covered = 0;
  for (const g of gold.summary_gold ?? []) {
    const facts = keyFacts(g.line);
    let best = 0;
    let bestLine = '';
    for (const l of lines) {
      if (!l.evidence.some((e) => g.articles.includes(corpus.idOf(e.article) ?? ''))) continue;
      const share = facts.length ? facts.filter((f) => states(l.text, f)).length / facts.length : 0;
      if (share > best) { best = share; bestLine = l.text; }
    }
    if (best >= 0.5) covered++;
    detail.push(`${best >= 0.5 ? 'covered' : 'MISSED'} ${Math.round(best * 100)}% of [${facts.join(', ')}] by: ${bestLine.slice(0, 120)}`);
  }
  const verbatim = lines.filter((l) => l.evidence.length > 0 && l.evidence.every((e) => {
    const doc = corpus.docOf(corpus.idOf(e.article) ?? '');
    return doc !== undefined && doc.text.slice(e.start, e.end) === e.evidence;
  })).length;
  return { lines: lines.length, goldLines: gold.summary_gold?.length ?? 0, covered, verbatim, detail };
}
