/**
 * Numeric dates ("07.03.25", "7/3/2025") whose day and month can swap. Which is which is read from
 * the page itself (another numeric date on it with a part above 12) or from the outlet's country,
 * never guessed: without either, only what all readings agree on is kept.
 */

/** The order a page or a country writes day, month and year in. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** A numeric date: three runs of digits joined by one separator ("07.03.25", "2025/04/03"). */
export const NUMERIC_DATE = /(?<![\d.\/-])(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?![\d\/-]|\.\d)/g;

export interface CalendarReading {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatReading(r: CalendarReading): string {
  return `${r.year}-${pad2(r.month)}-${pad2(r.day)}`;
}

/** A two-digit year is in this century unless that puts it after next year. */
function fullYear(digits: string, now: number): number | null {
  if (digits.length === 4) return Number(digits);
  if (digits.length === 2) return 2000 + Number(digits) > new Date(now).getUTCFullYear() + 1 ? 1900 + Number(digits) : 2000 + Number(digits);
  return null;
}

function valid(r: CalendarReading): boolean {
  return r.month >= 1 && r.month <= 12 && r.day >= 1 && r.day <= new Date(Date.UTC(r.year, r.month, 0)).getUTCDate();
}

const isYearPart = (s: string): boolean => s.length === 2 || s.length === 4;
const isDayOrMonth = (s: string): boolean => s.length <= 2;

/** Every valid calendar reading of three numbers, in the orders given. */
export function readingsOf(a: string, b: string, c: string, orders: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'], now = Date.now()): Map<DateOrder, CalendarReading> {
  const out = new Map<DateOrder, CalendarReading>();
  for (const order of orders) {
    const fits = order === 'ymd' ? isYearPart(a) && isDayOrMonth(b) && isDayOrMonth(c) : isDayOrMonth(a) && isDayOrMonth(b) && isYearPart(c);
    if (!fits) continue;
    const [y, m, d] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
    const year = fullYear(y, now);
    if (year === null) continue;
    const r = { year, month: Number(m), day: Number(d) };
    if (valid(r)) out.set(order, r);
  }
  return out;
}

/**
 * The order a page's own numeric dates reveal: one with a first number above 12 is day-first, one with
 * a second above 12 month-first. Null when none says, or when they disagree.
 */
export function orderFromNumericDates(text: string): DateOrder | null {
  const seen = new Set<DateOrder>();
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [, a, , b, c] = m as unknown as [string, string, string, string, string];
    if (a.length === 4) { seen.add('ymd'); continue; }
    const readings = readingsOf(a, b, c, ['dmy', 'mdy']);
    if (readings.size === 1) seen.add([...readings.keys()][0]!);
  }
  // A four-digit year first says nothing about how the same page writes day-first dates.
  seen.delete('ymd');
  return seen.size === 1 ? [...seen][0]! : null;
}

export type NumericDateReading =
  /** One date: the numbers admit one reading, or the order decided between them. */
  | { readonly kind: 'date'; readonly iso: string }
  /** The readings disagree and nothing decided: only what they share (the year, or year and month). */
  | { readonly kind: 'partial'; readonly iso: string }
  | { readonly kind: 'none' };

/**
 * Read a numeric date with the order the page or its country writes dates in (null: unknown).
 * @example readNumericDate('07', '03', '25', 'dmy') // { kind: 'date', iso: '2025-03-07' }
 * @example readNumericDate('07', '03', '25', null) // { kind: 'partial', iso: '2025' }
 */
export function readNumericDate(a: string, b: string, c: string, order: DateOrder | null): NumericDateReading {
  // Two-digit first numbers are day or month; a four-digit one is a year (ISO order), never swapped.
  const orders: DateOrder[] = a.length === 4 ? ['ymd'] : order === 'ymd' ? ['ymd', 'dmy', 'mdy'] : ['dmy', 'mdy'];
  const readings = readingsOf(a, b, c, orders);
  if (readings.size === 0) return { kind: 'none' };
  if (order && readings.has(order)) return { kind: 'date', iso: formatReading(readings.get(order)!) };
  const distinct = [...new Set([...readings.values()].map(formatReading))];
  if (distinct.length === 1) return { kind: 'date', iso: distinct[0]! };
  const shared = commonPrefix(distinct);
  return shared ? { kind: 'partial', iso: shared } : { kind: 'none' };
}

/** What ISO dates agree on, at year or month precision, or null. */
export function commonPrefix(isos: readonly string[]): string | null {
  for (const len of [7, 4]) {
    const head = isos[0]!.slice(0, len);
    if (isos.every((s) => s.slice(0, len) === head)) return head;
  }
  return null;
}
