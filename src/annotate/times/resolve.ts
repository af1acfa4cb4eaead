/**
 * Turn rule meanings into TimeML values, walking the text in order so that
 * "two days later" lands on the date the text gave last, and "on Tuesday" on the
 * Tuesday before or after publication by the tense of its sentence.
 */
import type { Span } from '../../core/index.js';
import type { Timex, TimexAnchor } from './timex.js';
import { nthWeekdayOf, type Candidate, type DayPart, type Grain } from './rules.js';
import { tenseAround, type Tense } from './tense.js';
import {
  addDays, addMonths, compareDays, daysBetween, formatDay, formatMonth, formatTime, formatWeek, formatYear, parseIsoDay,
  quarterOf, weekday, type CalendarDay,
} from './calendar.js';

/** A date the text has given, as precise as it was given. */
interface KnownDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export interface ResolveOptions {
  readonly reference: CalendarDay | null;
  readonly sentences: readonly Span[];
}

/** Months either side of the reference within which a yearless present-tense date is taken to fall. */
const NEAR_MONTHS = 6;

/** Parse the calendar part of a TimeML value we produced, for later anchoring. */
function knownFrom(value: string | null): KnownDate | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)/.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

function partSuffix(part: DayPart | undefined): string {
  return part ?? '';
}

/** Print a day shifted at the grain the expression speaks in. */
function printAt(day: CalendarDay, grain: Grain, weekend = false): string {
  switch (grain) {
    case 'day': return formatDay(day);
    case 'week': return weekend ? `${formatWeek(day)}-WE` : formatWeek(day);
    case 'month': return formatMonth(day.year, day.month);
    case 'quarter': return `${formatYear(day.year)}-Q${quarterOf(day.month)}`;
    case 'year': return formatYear(day.year);
    case 'decade': return `${formatYear(day.year).slice(0, 3)}X`;
    case 'century': return formatYear(day.year).slice(0, 2);
  }
}

function shiftDay(day: CalendarDay, grain: Grain, n: number): CalendarDay {
  switch (grain) {
    case 'day': return addDays(day, n);
    case 'week': return addDays(day, 7 * n);
    case 'month': return addMonths(day, n);
    case 'quarter': return addMonths(day, 3 * n);
    case 'year': return addMonths(day, 12 * n);
    case 'decade': return addMonths(day, 120 * n);
    case 'century': return addMonths(day, 1200 * n);
  }
}

/** A yearless date this close to the reference (days) is the nearest such date, whatever the tense says. */
const NEAREST_DAYS = 60;

/** The year to give a yearless month (and day) seen from `ref`: the nearest occurrence when close, else by tense. */
function yearFor(ref: CalendarDay, month: number, day: number | undefined, tense: Tense, shift?: -1 | 0 | 1): number {
  if (shift === -1) return month < ref.month ? ref.year : ref.year - 1;
  if (shift === 1) return month > ref.month ? ref.year : ref.year + 1;
  if (shift === 0) return ref.year;
  // A month alone stands for its middle; the nearest of last year's, this year's and next year's.
  let nearest = ref.year;
  let distance = Infinity;
  for (const year of [ref.year - 1, ref.year, ref.year + 1]) {
    const d = Math.abs(daysBetween(ref, { year, month, day: day ?? 15 }));
    if (d < distance) { distance = d; nearest = year; }
  }
  if (distance <= NEAREST_DAYS) return nearest;
  // Compared by month, as HeidelTime does: a date in the publication month is in its year whatever the tense.
  if (tense === 'past') return month > ref.month ? ref.year - 1 : ref.year;
  if (tense === 'future') return month < ref.month ? ref.year + 1 : ref.year;
  const months = month - ref.month;
  if (months > NEAR_MONTHS) return ref.year - 1;
  if (months < -NEAR_MONTHS) return ref.year + 1;
  return ref.year;
}

/** The weekday nearest `ref` in the direction the tense or modifier says. */
function weekdayFrom(ref: CalendarDay, target: number, tense: Tense, shift: -1 | 0 | 1 | undefined): CalendarDay {
  const today = weekday(ref);
  const back = (today - target + 7) % 7; // days back to the latest such weekday, today included
  const forward = (target - today + 7) % 7;
  if (shift === -1) return addDays(ref, -(back || 7));
  if (shift === 1) return addDays(ref, forward || 7);
  if (tense === 'future') return addDays(ref, forward);
  if (tense === 'past') return addDays(ref, -back);
  return back <= forward ? addDays(ref, -back) : addDays(ref, forward);
}

const SEASON_START: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Resolve candidates in text order into time expressions. */
export function resolveCandidates(text: string, candidates: readonly Candidate[], options: ResolveOptions): Timex[] {
  const { reference, sentences } = options;
  const out: Timex[] = [];
  /** The most recent date the text gave (absolute, or resolved), for "the following day". */
  let previous: KnownDate | null = null;
  /** The most recent day the text gave: what a clock time or a weekday without a publication date is on. */
  let previousDay: CalendarDay | null = null;
  let sentenceIndex = 0;
  /** The quarter the text spoke of last ("third-quarter profit"), which "the quarter" and "a year ago" refer to. */
  let previousQuarter: { year: number; q: number } | null = null;
  const reportedQuarter = (yearsBack: number): string | null => {
    const q = previousQuarter ?? (reference ? lastCompletedQuarter(reference) : null);
    return q ? `${formatYear(q.year - yearsBack)}-Q${q.q}` : null;
  };

  for (const [index, c] of candidates.entries()) {
    while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex]!.end <= c.start) sentenceIndex++;
    const sentence = sentences[sentenceIndex] ?? { start: 0, end: text.length };
    const tense = (): Tense => tenseAround(text.slice(sentence.start, sentence.end), c.start - sentence.start, c.end - c.start);
    let value: string | null = null;
    let anchor: TimexAnchor = 'absolute';
    const m = c.meaning;

    const inQuarterTalk = /\bquarter|\bperiod\b/i.test(text.slice(sentence.start, sentence.end));
    switch (m.kind) {
      case 'reported-quarter':
        value = reportedQuarter(m.yearsBack);
        anchor = previousQuarter ? 'previous' : 'publication';
        break;
      case 'fixed':
        value = m.value;
        break;
      case 'yearless': {
        if (reference) {
          const year = m.yearShift !== undefined ? reference.year + m.yearShift : yearFor(reference, m.month, m.day, tense(), m.shift);
          value = formatMonth(year, m.month);
          anchor = 'publication';
        } else if (previous && m.yearShift === undefined) {
          value = formatMonth(previous.year, m.month);
          anchor = 'previous';
        } else value = `XXXX-${String(m.month).padStart(2, '0')}`;
        if (m.day !== undefined) value += `-${String(m.day).padStart(2, '0')}`;
        break;
      }
      case 'holiday': {
        if (!reference) {
          value = `XXXX-${String(m.rule.month).padStart(2, '0')}-XX`;
          break;
        }
        const approx = Number(nthWeekdayOf(reference.year, m.rule).slice(8, 10));
        value = nthWeekdayOf(yearFor(reference, m.rule.month, approx, tense(), m.shift), m.rule);
        anchor = 'publication';
        break;
      }
      case 'weekday': {
        // Without a publication date, a weekday is the one nearest the day the text gave last, or else next.
        const given = previousDay ?? nextDayGiven(candidates, index);
        const base = reference ?? given;
        if (base) {
          const day = weekdayFrom(base, m.weekday, tense(), m.shift);
          value = formatDay(day) + partSuffix(m.part);
          anchor = reference ? 'publication' : 'previous';
        } else value = `XXXX-WXX-${m.weekday || 7}${partSuffix(m.part)}`;
        break;
      }
      case 'shift': {
        if (m.comparison && m.grain === 'year' && Math.abs(m.n) === 1 && (inQuarterTalk || previousQuarter)) {
          // "a year ago" in an earnings sentence is the reported quarter a year back.
          value = reportedQuarter(-m.n);
          anchor = previousQuarter ? 'previous' : 'publication';
          break;
        }
        let base: CalendarDay | null = null;
        let grain = m.grain;
        let n = m.n;
        if (m.base === 'previous' && previous) {
          const needsDay = grain === 'day' || grain === 'week';
          if (previous.day !== undefined) {
            base = { year: previous.year, month: previous.month!, day: previous.day };
            if (grain === 'week' && !m.weekend) {
              grain = 'day'; // "a week later" than a day is a day
              n *= 7;
            }
          } else if (previous.month !== undefined && !needsDay) base = { year: previous.year, month: previous.month, day: 1 };
          else if (!needsDay && grain !== 'month') base = { year: previous.year, month: 7, day: 1 };
          if (base) anchor = 'previous';
        }
        if (!base && reference) {
          base = reference;
          anchor = 'publication';
        }
        if (!base) break;
        // "Over the weekend, officials said…" on a weekday is the weekend just gone, not the one ahead.
        if (m.weekend && n === 0 && anchor === 'publication' && weekday(base) >= 1 && weekday(base) <= 5 && tense() === 'past') n = -1;
        const day = shiftDay(base, grain, n);
        value = printAt(day, grain, m.weekend) + partSuffix(m.part);
        break;
      }
      case 'quarter': {
        if (!reference) {
          value = m.half ? `XXXX-H${m.q}` : `XXXX-Q${m.q}`;
          break;
        }
        let year = reference.year + (m.yearShift ?? 0);
        const current = m.half ? (reference.month <= 6 ? 1 : 2) : quarterOf(reference.month);
        if (m.yearShift === undefined && m.q > current && tense() === 'past') year -= 1;
        value = `${formatYear(year)}-${m.half ? 'H' : 'Q'}${m.q}`;
        anchor = 'publication';
        break;
      }
      case 'season': {
        if (!reference) {
          value = `XXXX-${m.season}`;
          break;
        }
        const start = SEASON_START[m.season]!;
        let year = reference.year;
        // Winter belongs to the year it starts in; January–February are last year's winter.
        const refSeasonYear = m.season === 'WI' && reference.month <= 2 ? reference.year - 1 : reference.year;
        if (m.season === 'WI') year = refSeasonYear;
        const started = m.season === 'WI' ? true : reference.month >= start;
        if (m.shift === -1) year = started && reference.month >= start + 3 ? year : year - 1;
        else if (m.shift === 1) year = started ? year + 1 : year;
        else if (m.shift === undefined && tense() === 'past' && !started) year -= 1;
        value = `${formatYear(year)}-${m.season}`;
        anchor = 'publication';
        break;
      }
      case 'clock': {
        // A clock time is on the day the text spoke of last, as in "shot on Friday … at 10 p.m.", else on the publication day.
        const usePrevious = previousDay !== null;
        const day: CalendarDay | null = previousDay ?? reference;
        if (day) {
          value = formatTime(day, m.hour, m.minute);
          anchor = usePrevious ? 'previous' : 'publication';
        } else value = `XXXX-XX-XXT${String(m.hour).padStart(2, '0')}:${String(m.minute).padStart(2, '0')}`;
        break;
      }
    }

    if (c.clock && value && /^(?:\d{4}|XXXX)-[\dX]{2}-[\dX]{2}$|^XXXX-WXX-\d$/.test(value)) {
      value += `T${String(c.clock.hour).padStart(2, '0')}:${String(c.clock.minute).padStart(2, '0')}`;
    }
    const timex: Timex = { start: c.start, end: c.end, type: c.type, value, anchor, ...(c.mod ? { mod: c.mod } : {}) };
    out.push(timex);
    const quarter = value ? /^(\d{4})-Q([1-4])$/.exec(value) : null;
    if (quarter && m.kind !== 'reported-quarter' && !(m.kind === 'shift' && m.grain === 'year')) previousQuarter = { year: Number(quarter[1]), q: Number(quarter[2]) };
    if ((c.type === 'DATE' || c.type === 'TIME') && m.kind !== 'clock') {
      const known = knownFrom(value);
      if (known && (known.month !== undefined || m.kind === 'fixed')) previous = known;
      if (known?.day !== undefined) previousDay = { year: known.year, month: known.month!, day: known.day };
    }
  }
  return out;
}

/** The first full date the text gives after candidate `index` (a date written out, not one computed). */
function nextDayGiven(candidates: readonly Candidate[], index: number): CalendarDay | null {
  for (let i = index + 1; i < candidates.length; i++) {
    const m = candidates[i]!.meaning;
    if (m.kind === 'fixed') {
      const day = parseIsoDay(m.value);
      if (day) return day;
    }
  }
  return null;
}

/** The last quarter that had ended by `day`: what a report published then covers. */
function lastCompletedQuarter(day: CalendarDay): { year: number; q: number } {
  const q = quarterOf(day.month) - 1;
  return q === 0 ? { year: day.year - 1, q: 4 } : { year: day.year, q };
}

/** A reference date from an ISO value, or null. */
export function referenceFrom(iso: string | null | undefined): CalendarDay | null {
  return parseIsoDay(iso);
}
