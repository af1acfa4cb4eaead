import * as chrono from 'chrono-node';

/** Weekday names: a full weekday date alone at the top of a page is usually the day of viewing. */
const WEEKDAY = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const MONTH = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\b/i;
const NUMERIC_DATE = /\b(\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\b/;
/** Date lines are short: a sentence that mentions a date is body, not the article's date. */
export const DATE_LINE_MAX_WORDS = 14;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A line that states a date (and little else). */
export function looksLikeDateLine(text: string, words: number): boolean {
  return words <= DATE_LINE_MAX_WORDS && /\d/.test(text) && (MONTH.test(text) || NUMERIC_DATE.test(text));
}

/** A weekday date without a time of day: the page header's "today", not a publication stamp. */
export function looksLikeViewingDate(text: string): boolean {
  return WEEKDAY.test(text) && !/\b\d{1,2}:\d{2}\b/.test(text);
}

/**
 * Parse a date line into ISO 8601 at the precision printed (`2025-03-12`, `2025-03-12T14:58`),
 * or null when no full date with a year is stated.
 * @example parseDateLine('Mar 5, 2025, 11:22 PM') // '2025-03-05T23:22'
 */
export function parseDateLine(text: string): string | null {
  const results = chrono.parse(text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  for (const r of results) {
    const s = r.start;
    if (!s.isCertain('year') || !s.isCertain('month')) continue;
    const year = s.get('year');
    const month = s.get('month');
    if (year === null || month === null) continue;
    if (!s.isCertain('day')) return `${year}-${pad(month)}`;
    const day = s.get('day') ?? 1;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (s.isCertain('hour')) return `${date}T${pad(s.get('hour') ?? 0)}:${pad(s.get('minute') ?? 0)}`;
    return date;
  }
  return null;
}
