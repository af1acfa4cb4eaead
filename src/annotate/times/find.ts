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

/** Join a day and the clock time right after it into one TIME expression. */
function joinDateAndTime(candidates: readonly Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    const last = out[out.length - 1];
    const dayLike = last && last.type === 'DATE' && (last.meaning.kind === 'weekday' || last.meaning.kind === 'yearless' && last.meaning.day !== undefined
      || (last.meaning.kind === 'shift' && last.meaning.grain === 'day') || (last.meaning.kind === 'fixed' && /^\d{4}-\d{2}-\d{2}$/.test(last.meaning.value)));
    if (last && dayLike && c.meaning.kind === 'clock' && DATE_TIME_GAP.test(text.slice(last.end, c.start))) {
      out[out.length - 1] = { ...last, end: c.end, type: 'TIME', clock: { hour: c.meaning.hour, minute: c.meaning.minute } };
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
