import type { StoryContext, TimelineEntry } from '../types.js';
import { collectCandidates, UNCLASSIFIED_ACTION, type Candidate } from './candidates.js';
import { compareDates, datesCompatible, finerDate } from './dates.js';
import { wordOverlap } from './words.js';

export { compareDates, datesCompatible, dateInterval } from './dates.js';
export { contentWords, stem, wordOverlap } from './words.js';
export { storyName } from './candidates.js';

/** Two reports are of one event when this share of the shorter one's content words is in the other. */
const SAME_EVENT_OVERLAP = 0.3;
/** …and at least this many content words are shared (two short sentences share one word by chance). */
const SAME_EVENT_MIN_SHARED = 2;
/** Reports of the same actors and action with this much overlap, but dates that cannot both be true, are flagged. */
const CONFLICT_OVERLAP = 0.45;
const CONFLICT_MIN_SHARED = 3;
/** Longest summary, in characters: a line in a timeline, not the whole sentence. */
const SUMMARY_MAX = 200;

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

const sharesActor = (a: Candidate, b: Candidate): boolean => a.actorIds.some((id) => b.actorIds.includes(id));
const similar = (a: Candidate, b: Candidate, overlap: number, min: number): boolean =>
  shared(a.words, b.words) >= min && wordOverlap(a.words, b.words) >= overlap;

/** Same event: compatible dates, the same action class or a shared actor, and overlapping words. */
function sameEvent(a: Candidate, b: Candidate): boolean {
  if (a.article === b.article && a.sentence.start === b.sentence.start) return a.date === b.date;
  if (!datesCompatible(a.date, b.date)) return false;
  if (a.action !== b.action && !sharesActor(a, b)) return false;
  return similar(a, b, SAME_EVENT_OVERLAP, SAME_EVENT_MIN_SHARED);
}

/** Dates each sentence gives, keyed by article and sentence start. */
type SentenceDates = ReadonlyMap<string, ReadonlySet<string>>;

function sentenceKey(c: Candidate): string {
  return `${c.article}:${c.sentence.start}`;
}

/**
 * Two reports date one event differently only when neither sentence also gives the other's date:
 * "announced on 1 September that filling would begin on 15 September" names two events, not a conflict.
 */
function conflicting(a: Candidate, b: Candidate, dates: SentenceDates): boolean {
  const aDates = dates.get(sentenceKey(a));
  const bDates = dates.get(sentenceKey(b));
  if ([...(aDates ?? [])].some((d) => datesCompatible(d, b.date)) || [...(bDates ?? [])].some((d) => datesCompatible(d, a.date))) return false;
  return a.article !== b.article && !datesCompatible(a.date, b.date) && a.action === b.action && a.action !== UNCLASSIFIED_ACTION
    && sharesActor(a, b) && similar(a, b, CONFLICT_OVERLAP, CONFLICT_MIN_SHARED);
}

/** The best report to name an entry by: one with an actor, dated by a time expression, then the shortest sentence. */
function representative(members: readonly Candidate[]): Candidate {
  const score = (c: Candidate): number => (c.actorIds.length ? 2 : 0) + (c.dateFrom === 'time' ? 1 : 0) + (c.action !== UNCLASSIFIED_ACTION ? 1 : 0);
  return [...members].sort((a, b) => score(b) - score(a) || a.evidence.length - b.evidence.length)[0]!;
}

/** A one-line summary: the sentence, cut around where the action is named when it is long. */
function summarise(c: Candidate): string {
  const text = c.evidence.replace(/\s+/g, ' ').trim();
  if (text.length <= SUMMARY_MAX) return text;
  const focus = c.focus.start - c.sentence.start;
  const from = Math.max(0, Math.min(focus - SUMMARY_MAX / 2, text.length - SUMMARY_MAX));
  const cut = text.slice(from, from + SUMMARY_MAX).replace(/^\S*\s/, from > 0 ? '' : '$&').replace(/\s\S*$/, '');
  return (from > 0 ? '…' : '') + cut + '…';
}

function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || values.indexOf(a[0]) - values.indexOf(b[0]))[0]![0];
}

function toEntry(members: readonly Candidate[]): TimelineEntry {
  const date = members.map((m) => m.date).reduce(finerDate);
  const actorCounts = new Map<string, number>();
  for (const m of members) for (const name of m.actorNames) actorCounts.set(name, (actorCounts.get(name) ?? 0) + 1);
  const actors = [...actorCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  const classified = members.map((m) => m.action).filter((a) => a !== UNCLASSIFIED_ACTION);
  const seen = new Set<string>();
  const sources = members.filter((m) => {
    const key = `${m.article}:${m.sentence.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map((m) => ({ article: m.article, evidence: m.evidence, start: m.sentence.start, end: m.sentence.end, reported: m.reported, date: m.date }));
  return { date, actors, action: classified.length ? mostFrequent(classified) : UNCLASSIFIED_ACTION, summary: summarise(representative(members)), sources };
}

/**
 * The story's timeline: every dated event of every article, one entry per event with each
 * source's evidence. Reports in several articles are merged when their dates are compatible
 * (equal, or one within the other: "March 2025" and "2 March 2025"), they share the action
 * class or an actor, and their sentences share content words. An entry carries the finest date
 * its sources give (`date`) and, per source, when that article was published (`reported`).
 * Entries that look like one event reported with dates that cannot both hold are flagged in
 * `conflictingDates` (kept apart: a repeated meeting looks the same). Sorted chronologically,
 * a coarser date before the finer dates it contains ("2018" before "2018-05-02"), then by actor.
 *
 * @example
 * const timeline = buildTimeline({ docs, entities: mergeEntities(docs) });
 * timeline.map((e) => `${e.date} ${e.actors.join(', ')}: ${e.summary}`);
 */
export function buildTimeline(ctx: StoryContext): TimelineEntry[] {
  const candidates = ctx.docs.flatMap((doc) => collectCandidates(ctx, doc));
  const sentenceDates = new Map<string, Set<string>>();
  for (const c of candidates) (sentenceDates.get(sentenceKey(c)) ?? sentenceDates.set(sentenceKey(c), new Set()).get(sentenceKey(c))!).add(c.date);
  const clusters: Candidate[][] = [];
  for (const c of candidates) {
    const home = clusters.find((cluster) => cluster.some((m) => sameEvent(m, c)));
    if (home) home.push(c);
    else clusters.push([c]);
  }
  const entries = clusters.map((members) => ({ members, entry: toEntry(members) }));
  const flagged = entries.map(({ members, entry }) => {
    const rivals = entries.filter((other) => other.entry !== entry && other.members.some((o) => members.some((m) => conflicting(m, o, sentenceDates))));
    if (rivals.length === 0) return entry;
    const byDate = new Map<string, Set<string>>();
    for (const { entry: e } of [{ entry }, ...rivals]) {
      for (const s of e.sources) {
        const key = e.date;
        (byDate.get(key) ?? byDate.set(key, new Set()).get(key)!).add(s.article);
      }
    }
    const conflictingDates = [...byDate.entries()].sort((a, b) => compareDates(a[0], b[0])).map(([date, articles]) => ({ date, articles: [...articles].sort() }));
    return { ...entry, conflictingDates };
  });
  return flagged.sort((a, b) => compareDates(a.date, b.date) || (a.actors[0] ?? '\uffff').localeCompare(b.actors[0] ?? '\uffff') || a.summary.localeCompare(b.summary));
}
