/**
 * The publication date a page's address carries: a date path (`/2025/04/26/`), an ISO or compact date
 * in the slug, a six-digit date suffix (`-040225`), a Unix timestamp in the slug. A month path
 * (`/2023/09/`) gives the month only. Used only when the page states no date of its own.
 */
import { formatReading, readingsOf, commonPrefix, type CalendarReading, type DateOrder } from '../dates/numeric.js';

/** What the page says that can decide between readings of a six-digit suffix. */
export interface PageDateClues {
  /** The order the page's own numeric dates, or else its country, write dates in. */
  readonly order: DateOrder | null;
  /** Full dates (ISO days) the page prints with a month name. */
  readonly statedDays: ReadonlySet<string>;
  /** Weekdays (0 = Sunday) the opening of the body names: a news lead reports that day's or the day before's events. */
  readonly leadWeekdays: readonly number[];
}

export interface AddressDate {
  /** ISO date, or year-month when the address shows no day. */
  readonly iso: string;
  /** The part of the address it was read from. */
  readonly raw: string;
}

/** Dates after tomorrow are not publication dates; neither are those before the web. */
const FIRST_YEAR = 1994;
const ONE_DAY_MS = 86_400_000;

const DATE_PATH = /\/((?:19|20)\d\d)\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?=\/|$|[^\d])/;
const MONTH_PATH = /\/((?:19|20)\d\d)\/(0?[1-9]|1[0-2])(?=\/|$)/;
const ISO_IN_SLUG = /(?<!\d)((?:19|20)\d\d)[-_.](0[1-9]|1[0-2])[-_.](0[1-9]|[12]\d|3[01])(?!\d)/;
const COMPACT_IN_SLUG = /(?<![\dA-Za-z])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\dA-Za-z])/;
/** Six digits on their own at the end of the slug: a two-digit year last ("040225"). */
const SIX_DIGIT_SUFFIX = /[-_](\d{2})(\d{2})(\d{2})(?:\.[a-z]{2,5})?\/?$/i;
/**
 * Ten (seconds) or thirteen (milliseconds) digits ending a slug of words ("story-title-1712345678"):
 * a bare numeric segment is an article id far more often than a timestamp.
 */
const TIMESTAMP = /\p{L}[-_](\d{10}|\d{13})(?:\.[a-z]{2,5})?\/?$/iu;

function plausible(r: CalendarReading, now: number): boolean {
  const t = Date.UTC(r.year, r.month - 1, r.day);
  return r.year >= FIRST_YEAR && t <= now + ONE_DAY_MS;
}

function day(year: string, month: string, dayOfMonth: string): CalendarReading {
  return { year: Number(year), month: Number(month), day: Number(dayOfMonth) };
}

function validDay(r: CalendarReading): boolean {
  return r.month >= 1 && r.month <= 12 && r.day >= 1 && r.day <= new Date(Date.UTC(r.year, r.month, 0)).getUTCDate();
}

const weekdayOf = (r: CalendarReading): number => new Date(Date.UTC(r.year, r.month - 1, r.day)).getUTCDay();

/**
 * Decide between the readings of a six-digit date by what the page says, strongest first: a date it
 * prints in full, the order its numeric dates (or its country) use, the weekday its lead names
 * (published that day or the next). Null when nothing decides.
 */
function decide(readings: Map<DateOrder, CalendarReading>, clues: PageDateClues): CalendarReading | null {
  const all = [...readings.values()];
  const stated = all.filter((r) => clues.statedDays.has(formatReading(r)));
  if (stated.length === 1) return stated[0]!;
  if (clues.order && readings.has(clues.order)) return readings.get(clues.order)!;
  const agreeing = all.filter((r) => clues.leadWeekdays.some((w) => weekdayOf(r) === w || weekdayOf(r) === (w + 1) % 7));
  return agreeing.length === 1 ? agreeing[0]! : null;
}

/**
 * The date in an address, or null.
 * @example dateFromAddress('https://example.org/2025/04/26/story/', clues) // { iso: '2025-04-26', raw: '/2025/04/26' }
 */
export function dateFromAddress(url: string, clues: PageDateClues, now = Date.now()): AddressDate | null {
  let path: string;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname) + (u.search ? `?${decodeURIComponent(u.search.slice(1))}` : '');
  } catch {
    return null;
  }
  for (const re of [DATE_PATH, ISO_IN_SLUG, COMPACT_IN_SLUG]) {
    const m = re.exec(path);
    if (!m) continue;
    const r = day(m[1]!, m[2]!, m[3]!);
    if (validDay(r) && plausible(r, now)) return { iso: formatReading(r), raw: m[0] };
  }
  const month = MONTH_PATH.exec(path) ?? DATE_PATH.exec(path);
  if (month && plausible(day(month[1]!, month[2]!, '1'), now)) return { iso: `${month[1]}-${month[2]!.padStart(2, '0')}`, raw: month[0] };

  const slug = path.replace(/\?.*$/, '');
  const six = SIX_DIGIT_SUFFIX.exec(slug);
  if (six) {
    const orders: DateOrder[] = clues.order === 'ymd' ? ['ymd'] : ['dmy', 'mdy'];
    const readings = readingsOf(six[1]!, six[2]!, six[3]!, orders, now);
    for (const [order, r] of readings) if (!plausible(r, now)) readings.delete(order);
    const distinct = [...new Set([...readings.values()].map(formatReading))];
    if (distinct.length === 1) return { iso: distinct[0]!, raw: six[0] };
    if (distinct.length > 1) {
      const chosen = decide(readings, clues);
      const shared = commonPrefix(distinct);
      if (chosen) return { iso: formatReading(chosen), raw: six[0] };
      if (shared) return { iso: shared, raw: six[0] };
    }
  }

  const stamp = TIMESTAMP.exec(slug);
  if (stamp) {
    const ms = stamp[1]!.length === 13 ? Number(stamp[1]) : Number(stamp[1]) * 1000;
    const date = new Date(ms);
    const r = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    if (plausible(r, now) && r.year >= 2000) return { iso: formatReading(r), raw: stamp[1]! };
  }
  return null;
}
