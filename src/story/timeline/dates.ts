/**
 * ISO-8601 / TimeML date values as intervals of days, so dates of different precision
 * can be compared ("2025-03" contains "2025-03-02") and sorted on one line.
 */

const DAY_MS = 86_400_000;

/** Seasons as TimeML writes them, with the month each starts in (northern hemisphere, as TimeML assumes). */
const SEASON_START: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, AU: 9, WI: 12 };

export interface DateInterval {
  /** First day, in days since 1970-01-01. */
  readonly start: number;
  /** Day after the last day. */
  readonly end: number;
  /** 0 decade, 1 year, 2 quarter or season, 3 month, 4 week, 5 day, 6 time of day: coarser is lower. */
  readonly precision: number;
}

const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

/** Distinct date values remembered: a story has hundreds; the cap keeps a long-running server's memory bounded. */
const INTERVAL_CACHE_SIZE = 10_000;
const intervals = new Map<string, DateInterval | null>();

/** The interval a date value covers, or null for values that are not calendar dates (PAST_REF, durations). */
export function dateInterval(value: string): DateInterval | null {
  // Timelines compare dates pairwise: parse each value once.
  const cached = intervals.get(value);
  if (cached !== undefined) return cached;
  if (intervals.size >= INTERVAL_CACHE_SIZE) intervals.clear();
  const interval = parseInterval(value);
  intervals.set(value, interval);
  return interval;
}

function parseInterval(value: string): DateInterval | null {
  let m = /^(\d{3})X$/.exec(value);
  if (m) { const y = Number(m[1]) * 10; return { start: day(y, 1, 1), end: day(y + 10, 1, 1), precision: 0 }; }
  m = /^(\d{4})$/.exec(value);
  if (m) { const y = Number(m[1]); return { start: day(y, 1, 1), end: day(y + 1, 1, 1), precision: 1 }; }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) { const y = Number(m[1]); const q = Number(m[2]); return { start: day(y, q * 3 - 2, 1), end: day(y, q * 3 + 1, 1), precision: 2 }; }
  m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value);
  if (m) { const y = Number(m[1]); const s = SEASON_START[m[2]!]!; return { start: day(y, s, 1), end: day(y, s + 3, 1), precision: 2 }; }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) { const y = Number(m[1]); const mo = Number(m[2]); return { start: day(y, mo, 1), end: day(y, mo + 1, 1), precision: 3 }; }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // ISO week 1 is the week with the year's first Thursday.
    const y = Number(m[1]);
    const jan4 = day(y, 1, 4);
    const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7;
    const start = jan4 - weekday + (Number(m[2]) - 1) * 7;
    return { start, end: start + 7, precision: 4 };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  if (m) {
    const start = day(Number(m[1]), Number(m[2]), Number(m[3]));
    return { start, end: start + 1, precision: m[4] ? 6 : 5 };
  }
  return null;
}

/** True when one date lies within the other ("2025-03" and "2025-03-02"), equal dates included. */
export function datesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const ia = dateInterval(a);
  const ib = dateInterval(b);
  if (!ia || !ib) return false;
  return (ia.start <= ib.start && ib.end <= ia.end) || (ib.start <= ia.start && ia.end <= ib.end);
}

/** The finer of two compatible dates. */
export function finerDate(a: string, b: string): string {
  const pa = dateInterval(a)?.precision ?? 0;
  const pb = dateInterval(b)?.precision ?? 0;
  return pb > pa ? b : a;
}

/**
 * Chronological order of date values: by the first day they cover, and a coarser date before a
 * finer one starting the same day ("2018" before "2018-01-01", "2025-03" before "2025-03-01"),
 * so a year reads as a heading over the dated events in it.
 */
export function compareDates(a: string, b: string): number {
  const ia = dateInterval(a);
  const ib = dateInterval(b);
  if (!ia || !ib) return a.localeCompare(b);
  return ia.start - ib.start || ia.precision - ib.precision || a.localeCompare(b);
}
