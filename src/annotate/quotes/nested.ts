import type { Quote } from './types.js';

const sameSpeaker = (a: Quote, b: Quote): boolean =>
  a.speaker !== undefined ? a.speaker === b.speaker : b.speaker === undefined && a.speakerText !== undefined && a.speakerText === b.speakerText;

/**
 * Reported words inside a longer reported record of the same speaker ("Ana Oresk said she believes
 * [the strike will end]" read again at "believes"): a part of what that record already shows, not a
 * second quote for a reader. The attribution layer keeps such parts, as PolNeAR annotates them.
 */
export function withoutPartsOfLongerReports(quotes: readonly Quote[]): Quote[] {
  const reported = quotes.filter((q) => !q.direct && (q.speaker !== undefined || q.speakerText !== undefined));
  return quotes.filter((q) => q.direct || !reported.some((o) => o !== q && o.start <= q.start && o.end >= q.end && o.end - o.start > q.end - q.start && sameSpeaker(o, q)));
}

/**
 * Reported words with no speaker that hold another record's speaker and the start of its words ("In this
 * context, [Ana Oresk], a pilot, stated … that [A …" read whole): the same attribution misread, not a second quote.
 */
export function withoutUnsourcedWrappers(quotes: readonly Quote[]): Quote[] {
  const sourced = quotes.filter((q) => q.speakerSpan && (q.speaker !== undefined || q.speakerText !== undefined));
  return quotes.filter((q) => q.direct || q.speaker !== undefined || q.speakerText !== undefined
    || !sourced.some((o) => o !== q && o.start >= q.start && o.start < q.end && o.speakerSpan!.start >= q.start && o.speakerSpan!.end <= q.end));
}
