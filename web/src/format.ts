/** Small text helpers shared by the pages. */
import { h } from './dom.js';
import type { ArticleSummary } from './api.js';

/** How an article is named in lists: outlet, else its source file or host. */
export function outletName(article: Pick<ArticleSummary, 'outlet' | 'source' | 'url'> | undefined): string {
  if (!article) return 'Unknown source';
  if (article.outlet) return article.outlet;
  const url = article.url ?? article.source.url;
  if (url) {
    try { return new URL(url).hostname; } catch { /* not a URL: fall through */ }
  }
  const file = article.source.path?.split('/').pop();
  return file || 'Unnamed source';
}

export function titleOf(article: Pick<ArticleSummary, 'title' | 'id'> | undefined): string {
  return article?.title?.trim() || `Untitled article ${article?.id.slice(0, 8) ?? ''}`.trim();
}

/** A badge for the article kind: text, so it does not rely on colour. */
export function kindBadge(kind: string): HTMLElement {
  return h('span', { class: `badge kind kind-${kind.replace(/[^a-z]/g, '')}` }, kind);
}

export type DatePrecision = 'decade' | 'year' | 'season' | 'quarter' | 'month' | 'week' | 'day' | 'time';

/** Seasons as TIMEX writes them, with the month each starts in (northern hemisphere, as the tagger assumes). */
const SEASONS: Record<string, { month: number; name: string }> = {
  SP: { month: 3, name: 'spring' }, SU: { month: 6, name: 'summer' }, FA: { month: 9, name: 'autumn' }, WI: { month: 12, name: 'winter' },
};

function monthName(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
}

/**
 * Read an ISO 8601 / TIMEX value at its own precision: `2025-09-11`, `2025-09`,
 * `2025`, `199X` (a decade), `2025-W36`, `2025-Q3`, `2025-SP`, `2025-09-11T14:58`.
 * The date is the start of the period; null if the value is none of these.
 */
export function parseIsoDate(iso: string): { date: Date; precision: DatePrecision; label: string } | null {
  let m = /^(\d{3})X$/.exec(iso);
  if (m) return { date: new Date(Date.UTC(Number(m[1]) * 10, 0, 1)), precision: 'decade', label: `${m[1]}0s` };
  m = /^(\d{4})-W(\d{2})$/.exec(iso);
  if (m) {
    const year = Number(m[1]);
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = Date.UTC(year, 0, 4) - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000;
    return { date: new Date(monday), precision: 'week', label: `week ${Number(m[2])}, ${year}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(iso);
  if (m) return { date: new Date(Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1)), precision: 'quarter', label: `Q${m[2]} ${m[1]}` };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(iso);
  if (m) {
    const season = SEASONS[m[2]!]!;
    return { date: new Date(Date.UTC(Number(m[1]), season.month - 1, 1)), precision: 'season', label: `${season.name} ${m[1]}` };
  }
  m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?$/.exec(iso.replace(/(T\d{2}:\d{2})[:.\dZ+-]*$/, '$1'));
  if (!m) return null;
  const [, y, mo, d, hh, mm] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1, hh ? Number(hh) : 0, mm ? Number(mm) : 0));
  if (hh) return { date, precision: 'time', label: `${Number(d)} ${monthName(Number(mo))} ${y} ${hh}:${mm}` };
  if (d) return { date, precision: 'day', label: `${Number(d)} ${monthName(Number(mo))} ${y}` };
  if (mo) return { date, precision: 'month', label: `${monthName(Number(mo))} ${y}` };
  return { date, precision: 'year', label: y! };
}

/** "2025-09-11" → "11 Sep 2025"; coarser values keep their precision ("autumn 2025", "1990s"). Never guesses a missing part. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  return parseIsoDate(iso)?.label ?? iso;
}

/** Order ISO/TIMEX dates by the start of their period, coarser first on ties; unreadable values last. */
export function compareDates(a: string, b: string): number {
  const x = parseIsoDate(a)?.date.getTime() ?? Infinity;
  const y = parseIsoDate(b)?.date.getTime() ?? Infinity;
  return x === y ? a.length - b.length : x - y;
}

/** Search snippets mark matches as `**word**`: split into text and <mark>, never parsed as markup. */
export function snippetNodes(snippet: string): (string | HTMLElement)[] {
  return snippet.split(/\*\*(.+?)\*\*/g).map((part, i) => (i % 2 === 1 ? h('mark', null, part) : part));
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
