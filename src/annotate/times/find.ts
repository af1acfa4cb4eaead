import type { Span } from '../../core/index.js';
import type { Timex } from './timex.js';
import { matchRules, selectLongest, type Candidate } from './rules.js';
import { resolveCandidates, referenceFrom } from './resolve.js';
import { splitSentences } from './sentences.js';
import { chronoCandidates } from './chrono.js';

export interface FindTimeOptions {
  /** ISO date of publication (`2025-03-12`, or with a time); relative expressions resolve from it. */
  readonly referenceDate?: string | null;
  /** Sentence spans, when a tokeniser has found them; otherwise split cheaply here. */
  readonly sentences?: readonly Span[];
  /** Also take day and clock expressions only chrono-node finds (default false: measured no gain on TimeBank/AQUAINT, 4x slower). */
  readonly chrono?: boolean;
}

/** Between a date and a clock time that belong to one expression: "Tuesday at 3 p.m.", "March 2, 14:00". */
const DATE_TIME_GAP = /^(?:,?\s*(?:at|around|about|by)?\s*|\s*,\s*)$/i;
/** Between a clock time and the day it is on: "9 a.m. Tuesday", "noon on Friday". */
const CLOCK_DAY_GAP = /^(?:\s*,?\s*(?:on\s+)?)$/i;

const isDayLike = (c: Candidate): boolean => c.type === 'DATE' && (c.meaning.kind === 'weekday' || (c.meaning.kind === 'yearless' && c.meaning.day !== undefined)
  || (c.meaning.kind === 'shift' && c.meaning.grain === 'day') || (c.meaning.kind === 'fixed' && /^\d{4}-\d{2}-\d{2}$/.test(c.meaning.value)));

/** Join a day and a clock time next to it into one TIME expression: "Tuesday at 3 p.m.", "9 a.m. Tuesday". */
function joinDateAndTime(candidates: readonly Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    const last = out[out.length - 1];
    if (last && isDayLike(last) && c.meaning.kind === 'clock' && DATE_TIME_GAP.test(text.slice(last.end, c.start))) {
      out[out.length - 1] = { ...last, end: c.end, type: 'TIME', clock: { hour: c.meaning.hour, minute: c.meaning.minute } };
      continue;
    }
    if (last && last.meaning.kind === 'clock' && isDayLike(c) && CLOCK_DAY_GAP.test(text.slice(last.end, c.start))) {
      out[out.length - 1] = { ...c, start: last.start, type: 'TIME', clock: { hour: last.meaning.hour, minute: last.meaning.minute } };
      continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * Find time expressions in text and normalise them to TimeML values.
 * Needs no Doc: give the publication date as `referenceDate` when known.
 *
 * @example
 * findTimeExpressions('Two days later, on Tuesday, he resigned.', { referenceDate: '2025-03-05' })
 */
export function findTimeExpressions(text: string, options: FindTimeOptions = {}): Timex[] {
  const sentences = options.sentences ?? splitSentences(text);
  const ruled = matchRules(text);
  const extra = options.chrono !== true ? [] : chronoCandidates(text, ruled, options.referenceDate);
  const candidates = joinDateAndTime(selectLongest([...ruled, ...extra]), text);
  return resolveCandidates(text, candidates, { reference: referenceFrom(options.referenceDate), sentences });
}
