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
  const clusterOf = clusterEvents(candidates);
  const clusters: Candidate[][] = [];
  candidates.forEach((c, i) => (clusters[clusterOf[i]!] ??= []).push(c));
  const entries = clusters.map((members) => ({ members, entry: toEntry(members) }));
  const rivals = conflictingClusters(candidates, clusterOf, sentenceDates);
  const flagged = entries.map(({ entry }, i) => {
    const rivalEntries = [...(rivals.get(i) ?? [])].sort((x, y) => x - y).map((j) => entries[j]!.entry);
    if (rivalEntries.length === 0) return entry;
    const byDate = new Map<string, Set<string>>();
    for (const e of [entry, ...rivalEntries]) {
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

/** Candidate indices by each content word, to count shared words with the candidates already seen. */
class WordPostings {
  private readonly postings = new Map<string, number[]>();

  add(index: number, words: ReadonlySet<string>): void {
    for (const w of words) (this.postings.get(w) ?? this.postings.set(w, []).get(w)!).push(index);
  }

  /** How many of these words each indexed candidate shares, into `counts`. */
  countShared(words: ReadonlySet<string>, counts: Map<number, number>): void {
    for (const w of words) for (const i of this.postings.get(w) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
}

/**
 * Each candidate's cluster index: a candidate joins the earliest cluster holding a report of the
 * same event, else starts a new one (in candidate order). Only reports that could be the same
 * event are compared: those of the same sentence, and those of a compatible date sharing enough
 * content words (an index per date value), so the cost grows with the matches, not with all pairs.
 */
function clusterEvents(candidates: readonly Candidate[]): number[] {
  const dates = [...new Set(candidates.map((c) => c.date))];
  const compatible = new Map(dates.map((d) => [d, dates.filter((o) => datesCompatible(d, o))]));
  const byDate = new Map<string, WordPostings>();
  const bySentence = new Map<string, number[]>();
  const clusterOf: number[] = [];
  let clusters = 0;
  candidates.forEach((c, i) => {
    let home = Infinity;
    for (const m of bySentence.get(sentenceKey(c)) ?? []) if (clusterOf[m]! < home && sameEvent(candidates[m]!, c)) home = clusterOf[m]!;
    const counts = new Map<number, number>();
    for (const d of compatible.get(c.date)!) byDate.get(d)?.countShared(c.words, counts);
    for (const [m, n] of counts) if (n >= SAME_EVENT_MIN_SHARED && clusterOf[m]! < home && sameEvent(candidates[m]!, c)) home = clusterOf[m]!;
    clusterOf.push(home === Infinity ? clusters++ : home);
    (byDate.get(c.date) ?? byDate.set(c.date, new WordPostings()).get(c.date)!).add(i, c.words);
    (bySentence.get(sentenceKey(c)) ?? bySentence.set(sentenceKey(c), []).get(sentenceKey(c))!).push(i);
  });
  return clusterOf;
}

/**
 * For each cluster, the other clusters holding a report that dates the same event differently.
 * Conflicting reports share a classified action and an actor and several content words, so only
 * reports in the same action-and-actor block sharing that many words are compared.
 */
function conflictingClusters(candidates: readonly Candidate[], clusterOf: readonly number[], dates: SentenceDates): Map<number, Set<number>> {
  const blocks = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    if (c.action === UNCLASSIFIED_ACTION) return;
    for (const id of new Set(c.actorIds)) {
      const key = `${c.action}\u0000${id}`;
      (blocks.get(key) ?? blocks.set(key, []).get(key)!).push(i);
    }
  });
  const rivals = new Map<number, Set<number>>();
  const note = (x: number, y: number): void => { (rivals.get(x) ?? rivals.set(x, new Set()).get(x)!).add(y); };
  for (const members of blocks.values()) {
    const postings = new WordPostings();
    for (const i of members) {
      const c = candidates[i]!;
      const counts = new Map<number, number>();
      postings.countShared(c.words, counts);
      for (const [m, n] of counts) {
        const [x, y] = [clusterOf[i]!, clusterOf[m]!];
        if (n < CONFLICT_MIN_SHARED || x === y || rivals.get(x)?.has(y)) continue;
        if (conflicting(candidates[m]!, c, dates)) { note(x, y); note(y, x); }
      }
      postings.add(i, c.words);
    }
  }
  return rivals;
}
