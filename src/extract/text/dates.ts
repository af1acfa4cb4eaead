import * as chrono from 'chrono-node';
import { NUMERIC_DATE as NUMERIC_DATE_GLOBAL, readNumericDate, type DateOrder } from '../dates/numeric.js';

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

/** A clock time right after a numeric date: "07.03.25 13:46", "7/3/2025, 1:46 pm". */
const CLOCK_AFTER = /^(?:,?\s*(?:at\s+)?|T)(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?m\.?)?/i;

/**
 * A numeric date on the line, read in the page's order: day and month swap between countries, so a
 * date both ways valid is never guessed (without an order only the year both readings share is kept).
 */
function numericDate(text: string, order: DateOrder | null): string | null | undefined {
  NUMERIC_DATE_GLOBAL.lastIndex = 0;
  const m = NUMERIC_DATE_GLOBAL.exec(text);
  if (!m) return undefined;
  const reading = readNumericDate(m[1]!, m[3]!, m[4]!, order);
  if (reading.kind === 'none') return undefined;
  if (reading.kind === 'partial') return reading.iso;
  const clock = CLOCK_AFTER.exec(text.slice(m.index + m[0].length));
  if (!clock) return reading.iso;
  let hour = Number(clock[1]);
  if (clock[3] && hour <= 12) hour = (hour % 12) + (clock[3].toLowerCase() === 'p' ? 12 : 0);
  return hour < 24 && Number(clock[2]) < 60 ? `${reading.iso}T${pad(hour)}:${clock[2]}` : reading.iso;
}

/**
 * Parse a date line into ISO 8601 at the precision printed (`2025-03-12`, `2025-03-12T14:58`),
 * or null when no full date with a year is stated. Numeric dates are read in `order` (the page's or
 * its country's); without one a date whose day and month could swap gives only its year.
 * @example parseDateLine('Mar 5, 2025, 11:22 PM') // '2025-03-05T23:22'
 * @example parseDateLine('07.03.25 13:46', 'dmy') // '2025-03-07T13:46'
 */
export function parseDateLine(text: string, order: DateOrder | null = null): string | null {
  if (!MONTH.test(text)) {
    const numeric = numericDate(text, order);
    if (numeric !== undefined) return numeric;
  }
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
