/**
 * Calendar arithmetic on plain year/month/day triples (UTC, no time zones):
 * enough to resolve "two days later" or "last Tuesday" and to print TimeML values.
 */

/** A calendar day; month 1–12, day 1–31. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Parse the date part of an ISO value (`2025-03-02`, `2025-03-02T14:58`, `2025-03-02T14:58:00Z`); null when it has no full day. */
export function parseIsoDay(iso: string | null | undefined): CalendarDay | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return day.month >= 1 && day.month <= 12 && day.day >= 1 && day.day <= daysInMonth(day.year, day.month) ? day : null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(d: CalendarDay): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function fromUtc(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CalendarDay, n: number): CalendarDay {
  const date = toUtc(d);
  date.setUTCDate(date.getUTCDate() + n);
  return fromUtc(date);
}

/** Add months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28). */
export function addMonths(d: CalendarDay, n: number): CalendarDay {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: CalendarDay): number {
  return toUtc(d).getUTCDay();
}

/** ISO 8601 week: the year it belongs to and its number. */
export function isoWeek(d: CalendarDay): { year: number; week: number } {
  const date = toUtc(d);
  const dayNumber = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - dayNumber + 3); // Thursday of this week decides the year
  const weekYear = date.getUTCFullYear();
  const jan4 = new Date(Date.UTC(weekYear, 0, 4));
  const week1Monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const week = 1 + Math.floor((date.getTime() - week1Monday) / (7 * 86_400_000));
  return { year: weekYear, week };
}

/** -1, 0 or 1 as a is before, equal to or after b. */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatYear(year: number): string {
  return String(year).padStart(4, '0');
}

export function formatMonth(year: number, month: number): string {
  return `${formatYear(year)}-${pad2(month)}`;
}

export function formatDay(d: CalendarDay): string {
  return `${formatMonth(d.year, d.month)}-${pad2(d.day)}`;
}

export function formatWeek(d: CalendarDay): string {
  const w = isoWeek(d);
  return `${formatYear(w.year)}-W${pad2(w.week)}`;
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

export function formatTime(d: CalendarDay, hour: number, minute: number): string {
  return `${formatDay(d)}T${pad2(hour)}:${pad2(minute)}`;
}

/**
 * A week value given as the month its Thursday falls in (`2023-W37` → `2023-09`), as news annotation gives
 * "this week" an event happened; any other value is returned as it is. ISO 8601 lets the Thursday decide
 * a week's year, and so its month.
 */
export function weekAsMonth(value: string): string {
  const m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value);
  if (!m) return value;
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000;
  return new Date(monday + 3 * 86_400_000).toISOString().slice(0, 7);
}
