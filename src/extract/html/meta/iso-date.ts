import * as chrono from 'chrono-node';
import { NUMERIC_DATE, readNumericDate, type DateOrder } from '../../dates/numeric.js';

/** ISO date or date-time as printed by machines: `2025-03-12`, `2025-03-12T14:58:00.000+03:00`, `2025-03-12 14:58`. */
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** Compact ISO forms some CMSs print: `20250312`, `20250312T1458`. */
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2}))?$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function offsetString(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * Normalise a printed date to ISO 8601 at the precision the string supports:
 * `2025-03-12`, `2025-03-12T14:58`, or with seconds and offset when an offset
 * is given (`2025-03-12T14:58:00+03:00`). Returns null when the string holds
 * no full calendar date.
 *
 * @example
 * toIsoDate('2025-03-12T14:58:00.000+0300') // '2025-03-12T14:58:00+03:00'
 * toIsoDate('March 12, 2025') // '2025-03-12'
 * toIsoDate('07/03/2025', 'dmy') // '2025-03-07'; without an order, null: day and month could swap
 */
export function toIsoDate(raw: string, order: DateOrder | null = null): string | null {
  const s = raw.trim();
  if (!s) return null;
  const iso = ISO_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, tz] = iso;
    if (!validDate(Number(y), Number(mo), Number(d))) return null;
    const date = `${y}-${mo}-${d}`;
    if (h === undefined || mi === undefined) return date;
    if (tz) {
      const zone = tz.toUpperCase() === 'Z' ? 'Z' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz;
      return `${date}T${h}:${mi}:${sec ?? '00'}${zone}`;
    }
    return sec && sec !== '00' ? `${date}T${h}:${mi}:${sec}` : `${date}T${h}:${mi}`;
  }
  return printedDateToIso(s, order);
}

/** Dates written for people ("Nov. 18, 2019 8:22 AM EST"), read with chrono; null unless day, month and year are all printed. */
function printedDateToIso(s: string, order: DateOrder | null): string | null {
  // chrono resolves "yesterday" from today's date: only a printed year makes a date.
  if (!/\b(1[89]|20|21)\d{2}\b/.test(s)) return null;
  // chrono reads "07/03/2025" month first; the page's country decides, or the date stays unread.
  NUMERIC_DATE.lastIndex = 0;
  const numeric = NUMERIC_DATE.exec(s);
  if (numeric && numeric[1]!.length <= 2) {
    const reading = readNumericDate(numeric[1]!, numeric[3]!, numeric[4]!, order);
    if (reading.kind !== 'date') return null;
    const [y, m, d] = reading.iso.split('-').map(Number) as [number, number, number];
    return timeAfter(s, y, m, d);
  }
  const parsed = chrono.parse(s)[0];
  if (!parsed) return null;
  const c = parsed.start;
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null;
  return timeAfter(s, c.get('year') ?? 0, c.get('month') ?? 0, c.get('day') ?? 0, c);
}

/** The date, with the clock time chrono reads in the same string when there is one. */
function timeAfter(s: string, y: number, m: number, d: number, parsed?: chrono.ParsedComponents): string | null {
  if (!validDate(y, m, d)) return null;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  const c = parsed ?? chrono.parse(s)[0]?.start;
  if (!c || !c.isCertain('hour')) return date;
  const time = `${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
  const offset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  return offset === null || offset === undefined ? `${date}T${time}` : `${date}T${time}:00${offsetString(offset)}`;
}
