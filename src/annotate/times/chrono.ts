/**
 * chrono-node as a second source of candidates, and as the baseline the evaluation compares with.
 * chrono knows many surface forms of days and clock times; it does not know bare years,
 * decades, durations or dates relative to other dates, which the rules cover.
 */
import * as chrono from 'chrono-node';
import type { Candidate, Meaning } from './rules.js';
import type { Timex, TimexType } from './timex.js';
import { parseIsoDay } from './calendar.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

function referenceInstant(referenceDate: string | null | undefined): Date {
  const day = parseIsoDay(referenceDate);
  return day ? new Date(Date.UTC(day.year, day.month - 1, day.day, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
}

/** The value of a chrono result at the precision chrono is sure of (or computed from the reference). */
function chronoValue(result: chrono.ParsedResult): { value: string | null; type: TimexType; yearKnown: boolean } {
  const s = result.start;
  const year = s.get('year');
  const month = s.get('month');
  const day = s.get('day');
  const hourKnown = s.isCertain('hour');
  const yearKnown = s.isCertain('year');
  if (year === null || month === null) return { value: null, type: 'DATE', yearKnown };
  let value = String(year).padStart(4, '0');
  if (s.isCertain('month') || s.isCertain('day') || s.isCertain('weekday') || hourKnown) value += `-${pad2(month)}`;
  if ((s.isCertain('day') || s.isCertain('weekday') || hourKnown) && day !== null) value += `-${pad2(day)}`;
  if (hourKnown && value.length === 10) value += `T${pad2(s.get('hour') ?? 0)}:${pad2(s.get('minute') ?? 0)}`;
  return { value, type: hourKnown ? 'TIME' : 'DATE', yearKnown };
}

/** chrono-node alone: its matches, with values at the precision it knows. The evaluation's baseline. */
export function chronoTimeExpressions(text: string, referenceDate: string | null | undefined): Timex[] {
  return chrono.parse(text, referenceInstant(referenceDate)).map((r) => {
    const { value, type } = chronoValue(r);
    return { start: r.index, end: r.index + r.text.length, type, value, anchor: 'publication' as const };
  });
}

/** Priority of chrono candidates: after every rule, so a rule wins a tie. */
const CHRONO_PRIORITY = 1000;

/**
 * chrono matches worth adding: those naming a month or weekday in full, or a clock time.
 * Its other matches beside the rules were mostly noise on TimeBank/AQUAINT ("Sun", "2.50 a", "1/4").
 */
const CHRONO_WORTH = /\b(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\d:\d\d|\d\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b/;

/** chrono matches that overlap no rule match, as candidates for the resolver. */
export function chronoCandidates(text: string, ruled: readonly Candidate[], referenceDate?: string | null): Candidate[] {
  const out: Candidate[] = [];
  for (const r of chrono.parse(text, referenceInstant(referenceDate))) {
    let start = r.index;
    let end = r.index + r.text.length;
    // chrono includes the preposition ("on Tuesday", "at 3pm"); TimeML spans do not.
    const lead = /^(?:on|at|in|by|from|since|until|for|during)\s+/i.exec(r.text);
    if (lead) start += lead[0].length;
    if (ruled.some((c) => c.start < end && start < c.end) || !CHRONO_WORTH.test(r.text)) continue;
    const s = r.start;
    let meaning: Meaning | null = null;
    const { value, type, yearKnown } = chronoValue(r);
    if (s.isCertain('month') && s.isCertain('day') && !yearKnown) meaning = { kind: 'yearless', month: s.get('month')!, day: s.get('day')! };
    else if (s.isCertain('weekday') && !s.isCertain('day')) meaning = { kind: 'weekday', weekday: s.get('weekday')! };
    else if (s.isCertain('hour') && !s.isCertain('day')) meaning = { kind: 'clock', hour: s.get('hour')!, minute: s.get('minute') ?? 0 };
    else if (value && referenceDate) meaning = { kind: 'fixed', value };
    if (!meaning) continue;
    while (end > start && /[\s,.]/.test(text[end - 1]!)) end--;
    out.push({ start, end, type, meaning, priority: CHRONO_PRIORITY });
  }
  return out;
}
