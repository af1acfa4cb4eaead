import type { StoryContext, TimelineEntry } from '../types.js';
import { collectCandidates, DESCRIBED, doerIsHappening, happeningKind, sameHappening, UNCLASSIFIED_ACTION, type Candidate } from './candidates.js';
import { compareDates, dateInterval, datesCompatible, finerDate } from './dates.js';
import { contentWords, wordOverlap } from './words.js';

export { compareDates, datesCompatible, dateInterval } from './dates.js';
export { contentWords, stem, wordOverlap } from './words.js';
export { storyName } from './names.js';
export { clauseAround, parsedDoerAt } from './actor.js';

/** The action class of statements in the event taxonomy. */
const STATEMENT_ACTION = 'statement';
/** Two reports are of one event when this share of the shorter one's content words is in the other. */
const SAME_EVENT_OVERLAP = 0.3;
/** …and at least this many content words are shared (two short sentences share one word by chance). */
const SAME_EVENT_MIN_SHARED = 2;
/** Reports of the same actors and action with this much overlap, but dates that cannot both be true, are flagged. */
const CONFLICT_OVERLAP = 0.45;
const CONFLICT_MIN_SHARED = 3;

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Length of a day's date ("2031-05-16"): a finer date starts with its day. */
const DAY_LENGTH = 10;
/** A date no finer than a month: one story rarely has two events of that kind in one year or month. */
const coarse = (date: string): boolean => (dateInterval(date)?.precision ?? 5) <= 3;
/** Shared local words that are not the story's topic words (those say nothing about which event is meant). */
function sharedDistinctive(a: Candidate, b: Candidate, topicWords: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a.localWords) if (b.localWords.has(w) && !topicWords.has(w)) n++;
  return n;
}
const sharesActor = (a: Candidate, b: Candidate): boolean => a.actorIds.some((id) => b.actorIds.includes(id));
const similar = (a: Candidate, b: Candidate, overlap: number, min: number): boolean =>
  shared(a.words, b.words) >= min && wordOverlap(a.words, b.words) >= overlap;
/** The report is of something said, not done. */
const states = (c: Candidate): boolean => c.speaks || c.saying || c.action === STATEMENT_ACTION;
/** Neither names a doer the other contradicts. */
const actorsAgree = (a: Candidate, b: Candidate): boolean => a.actorIds.length === 0 || b.actorIds.length === 0 || sharesActor(a, b);

/**
 * Same event: on one sentence, the same date. Across sentences and articles, compatible dates
 * and either the same action word on the same date ("the Kellish withdrawal in 2031" / "Brandt's
 * withdrawal in 2018"), the same thing dated on the same date by doers that do not conflict
 * ("the 2029 harbour pact (KHB)" / "the KHB, signed in 2029"), or the same action class or a
 * shared doer with overlapping words.
 */
function sameEvent(a: Candidate, b: Candidate, topicWords: ReadonlySet<string>): boolean {
  if (a.article === b.article && a.sentence.start === b.sentence.start) return a.date === b.date;
  if (!datesCompatible(a.date, b.date)) return false;
  // Two speakers saying things on one day made two statements, however alike their words.
  if (a.speaks && b.speaks && a.actorIds.length > 0 && b.actorIds.length > 0 && !sharesActor(a, b)) return false;
  // One gathering on one date or one day ("negotiations … concluded in Lindberg today" / "at talks in Lindberg on 16 May, A and B discussed").
  // (What a party says about it, "X confirmed on Friday that the sides discussed …", is a statement of its own.)
  if (a.gathering && b.gathering && !states(a) && !states(b) && actorsAgree(a, b) && (a.date === b.date || (!coarse(a.date) && !coarse(b.date)))) return true;
  if (a.date === b.date) {
    if (a.actionWord && a.actionWord === b.actionWord) return true;
    // One disaster told twice on one day ("the storm pounded the coast on Monday" / "the flooding swept away families on Monday").
    if (!coarse(a.date) && sameHappening(a, b) && (actorsAgree(a, b) || doerIsHappening(a) || doerIsHappening(b))) return true;
    if (actorsAgree(a, b) && a.objectIds.some((o) => b.objectIds.includes(o))) return true;
    // The same distinctive words around one date from doers that do not conflict: a year needs one ("KHB"), a day two ("Harbour Hall").
    if (actorsAgree(a, b) && sharedDistinctive(a, b, topicWords) >= (coarse(a.date) ? 1 : 2)) return true;
    // One thing dated by year or month in two places ("the 2029 harbour pact (KHB)", "the KHB, signed in 2029").
    if (coarse(a.date) && actorsAgree(a, b) && [...a.thingWords].some((w) => b.thingWords.has(w))) return true;
  }
  if (a.action !== b.action && !sharesActor(a, b)) return false;
  if (!actorsAgree(a, b) && !similar(a, b, CONFLICT_OVERLAP, CONFLICT_MIN_SHARED)) return false;
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
  // (A coarser date the sentence also gives, "this week", does not name the other day.)
  const names = (dates: ReadonlySet<string> | undefined, day: string): boolean => [...(dates ?? [])].some((d) => datesCompatible(d, day) && (dateInterval(d)?.precision ?? 0) >= (dateInterval(day)?.precision ?? 0));
  if (names(aDates, b.date) || names(bDates, a.date)) return false;
  if (a.article === b.article || datesCompatible(a.date, b.date)) return false;
  // One action named by the same word, on days close together, by doers that do not conflict: "announced Tuesday, April 1" / "announced … on Wednesday".
  if (a.actionWord && a.actionWord === b.actionWord && actorsAgree(a, b) && daysApart(a.date, b.date) <= MAX_CONFLICT_DAYS) return true;
  // One happening of a moment ("the storm hit on Sunday" / "the storm pounded the coast on Monday").
  if (a.happening && a.happening === b.happening && actorsAgree(a, b) && daysApart(a.date, b.date) <= MAX_CONFLICT_DAYS) return true;
  // Far apart, the same doer doing the same kind of thing twice is two events (a position restated, or changed), not one misdated.
  return a.action === b.action && a.action !== UNCLASSIFIED_ACTION && sharesActor(a, b) && similar(a, b, CONFLICT_OVERLAP, CONFLICT_MIN_SHARED)
    && daysApart(a.date, b.date) <= MAX_RESTATED_DAYS;
}

/** One event restated with a different date is rarely more than a week off. */
const MAX_RESTATED_DAYS = 7;

/** Two days this far apart may be one event misdated; further apart they are two events. */
const MAX_CONFLICT_DAYS = 3;

/** Days between two day-precision dates (Infinity for coarser ones). */
function daysApart(a: string, b: string): number {
  const [x, y] = [dateInterval(a), dateInterval(b)];
  if (!x || !y || x.precision < 5 || y.precision < 5) return Infinity;
  return Math.abs(x.start - y.start);
}

/** A noun-phrase label of one or two words ("X: withdrawal") names the kind of event, not which one. */
const bareNoun = (c: Candidate): boolean => !c.labelIsClause && (c.label.split(': ')[1] ?? c.label).split(/\s+/).length < 3;

/**
 * The report that names an entry: one by the entry's doer, dated at the entry's precision, whose
 * label reads as a clause ("X signed Y" before "X: the signing"), with the shortest label that
 * says which event it is ("X: withdrawal from the treaty" before "X: withdrawal").
 */
function representative(members: readonly Candidate[], actor: string | undefined, date: string): Candidate {
  const score = (c: Candidate): number => (actor !== undefined && c.actorNames[0] === actor ? 2 : 0) + (c.date === date ? 1 : 0)
    + (c.labelIsClause ? 0.75 : 0) + (c.action !== UNCLASSIFIED_ACTION ? 0.5 : 0);
  return [...members].sort((a, b) => score(b) - score(a) || Number(bareNoun(a)) - Number(bareNoun(b)) || a.label.length - b.label.length)[0]!;
}

function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || values.indexOf(a[0]) - values.indexOf(b[0]))[0]![0];
}

/** One entry from the reports of one event: the doer most reports name, its finest date, every source. */
function toEntry(members: readonly Candidate[]): TimelineEntry {
  const date = members.map((m) => m.date).reduce(finerDate);
  const doers = members.map((m) => m.actorNames[0]).filter((n): n is string => n !== undefined);
  // A doer the entity layer names goes before one described by a common noun ("Storm Aldric" before "flooding").
  const named = members.filter((m) => m.actorIds[0] !== undefined && !m.actorIds[0].startsWith(DESCRIBED)).map((m) => m.actorNames[0]!);
  const main = named.length ? mostFrequent(named) : doers.length ? mostFrequent(doers) : undefined;
  const actors = [...new Set([...(main ? [main] : []), ...doers])];
  const classified = members.map((m) => m.action).filter((a) => a !== UNCLASSIFIED_ACTION);
  const seen = new Set<string>();
  const sources = members.filter((m) => {
    const key = `${m.article}:${m.sentence.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map((m) => ({ article: m.article, evidence: m.evidence, start: m.sentence.start, end: m.sentence.end, reported: m.reported, date: m.date }));
  return { date, actors, action: classified.length ? mostFrequent(classified) : UNCLASSIFIED_ACTION, summary: representative(members, main, date).label, sources };
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
  const clusterOf = clusterEvents(candidates, storyTopicWords(ctx));
  const clusters: Candidate[][] = [];
  candidates.forEach((c, i) => (clusters[clusterOf[i]!] ??= []).push(c));
  const entries = clusters.map((members) => ({ members, entry: toEntry(members) }));
  const { rivals, conflicted } = conflictingClusters(candidates, clusterOf, sentenceDates);
  const flagged = entries.map(({ entry: merged }, i) => {
    const rivalEntries = [...(rivals.get(i) ?? [])].sort((x, y) => x - y).map((j) => entries[j]!.entry);
    if (rivalEntries.length === 0) return merged;
    // The reports that date the event differently come first: they are each side's evidence.
    const first = (s: TimelineEntry['sources'][number]): number => (conflicted.has(`${s.article}:${s.start}`) ? 0 : 1);
    // A report naming no doer of an event the others date differently is of that event: its doer is theirs ("the escalation, announced Tuesday" / "X announced on Wednesday").
    const actors = merged.actors.length ? merged.actors : rivalEntries.find((e) => e.actors.length)?.actors.slice(0, 1) ?? [];
    const entry = { ...merged, actors, sources: [...merged.sources].sort((a, b) => first(a) - first(b)) };
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

  /** How many of these words each indexed candidate shares, added to `counts`; candidates met for the first time are appended to `touched`. */
  countShared(words: ReadonlySet<string>, counts: Uint32Array, touched: number[]): void {
    for (const w of words) for (const i of this.postings.get(w) ?? []) if (counts[i]!++ === 0) touched.push(i);
  }
}

/** Share of a story's articles a word must be in to be the story's topic rather than a detail of one event. */
const TOPIC_WORD_SHARE = 0.8;

/** Content words nearly every article of the story uses ("tariff", "Kell"). */
function storyTopicWords(ctx: StoryContext): Set<string> {
  const articles = new Map<string, number>();
  for (const d of ctx.docs) for (const w of contentWords(d.text)) articles.set(w, (articles.get(w) ?? 0) + 1);
  return new Set([...articles].filter(([, n]) => ctx.docs.length >= 2 && n >= TOPIC_WORD_SHARE * ctx.docs.length).map(([w]) => w));
}

/**
 * Each candidate's cluster index: reports of one event end in one cluster (single link, so a
 * restatement joins every cluster it matches). Only reports that could be the same event are
 * compared: those of one sentence, those of one date naming the same action word or the same
 * thing, and those of a compatible date sharing enough content words (an index per date value),
 * so the cost grows with the matches, not with all pairs.
 */
function clusterEvents(candidates: readonly Candidate[], topicWords: ReadonlySet<string>): number[] {
  const dates = [...new Set(candidates.map((c) => c.date))];
  const compatible = new Map(dates.map((d) => [d, dates.filter((o) => datesCompatible(d, o))]));
  const byDate = new Map<string, WordPostings>();
  const byKey = new Map<string, number[]>();
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const link = (a: number, b: number): void => { const [x, y] = [find(a), find(b)]; if (x !== y) parent[Math.max(x, y)] = Math.min(x, y); };
  const keys = (c: Candidate): string[] => [
    `s|${sentenceKey(c)}`,
    ...(c.actionWord ? [`a|${c.date}|${c.actionWord}`] : []),
    ...c.objectIds.map((o) => `o|${c.date}|${o}`),
    ...[...c.localWords].filter((w) => !topicWords.has(w)).map((w) => `w|${c.date}|${w}`),
    ...[...c.thingWords].map((w) => `t|${c.date}|${w}`),
    ...[happeningKind(c)].filter((k): k is string => Boolean(k)).map((k) => `h|${c.date}|${k}`),
    ...(c.gathering ? [`g|${c.date.slice(0, DAY_LENGTH)}`] : []),
  ];
  // A report already in the candidate's cluster need not be compared: linking them changes nothing (the clusters are what the links connect, in any order).
  // Words each earlier report shares with the one at hand (zeroed after it): counted in place, the hottest loop of the timeline.
  const shared = new Uint32Array(candidates.length);
  const joins = (m: number, i: number): boolean => find(m) !== find(i) && sameEvent(candidates[m]!, candidates[i]!, topicWords);
  candidates.forEach((c, i) => {
    const seen = new Set<number>();
    for (const key of keys(c)) for (const m of byKey.get(key) ?? []) if (!seen.has(m)) { seen.add(m); if (joins(m, i)) link(m, i); }
    const touched: number[] = [];
    for (const d of compatible.get(c.date)!) byDate.get(d)?.countShared(c.words, shared, touched);
    for (const m of touched) {
      if (shared[m]! >= SAME_EVENT_MIN_SHARED && !seen.has(m) && joins(m, i)) link(m, i);
      shared[m] = 0;
    }
    (byDate.get(c.date) ?? byDate.set(c.date, new WordPostings()).get(c.date)!).add(i, c.words);
    for (const key of keys(c)) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(i);
  });
  // Cluster numbers in order of first member.
  const number = new Map<number, number>();
  return candidates.map((_, i) => {
    const r = find(i);
    if (!number.has(r)) number.set(r, number.size);
    return number.get(r)!;
  });
}

/**
 * For each cluster, the other clusters holding a report that dates the same event differently.
 * Conflicting reports share a classified action and an actor and several content words, so only
 * reports in the same action-and-actor block sharing that many words are compared.
 */
function conflictingClusters(candidates: readonly Candidate[], clusterOf: readonly number[], dates: SentenceDates): { rivals: Map<number, Set<number>>; conflicted: Set<string> } {
  const blocks = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    for (const word of [c.actionWord, c.happening]) if (word) (blocks.get(`w\u0000${word}`) ?? blocks.set(`w\u0000${word}`, []).get(`w\u0000${word}`)!).push(i);
    if (c.action === UNCLASSIFIED_ACTION) return;
    for (const id of new Set(c.actorIds)) {
      const key = `${c.action}\u0000${id}`;
      (blocks.get(key) ?? blocks.set(key, []).get(key)!).push(i);
    }
  });
  const rivals = new Map<number, Set<number>>();
  const conflicted = new Set<string>();
  const note = (x: number, y: number): void => { (rivals.get(x) ?? rivals.set(x, new Set()).get(x)!).add(y); };
  // Words each earlier report of a block shares with the one at hand, zeroed after it.
  const shared = new Uint32Array(candidates.length);
  for (const [key, members] of blocks) {
    // Reports naming one action word are few: each pair is compared. Others must share several words first.
    const byWord = key.startsWith('w\u0000');
    const postings = new WordPostings();
    members.forEach((i, k) => {
      const c = candidates[i]!;
      const touched: number[] = [];
      if (byWord) {
        for (const m of members.slice(0, k)) {
          if (shared[m] === 0) touched.push(m);
          shared[m] = CONFLICT_MIN_SHARED;
        }
      } else postings.countShared(c.words, shared, touched);
      for (const m of touched) {
        const n = shared[m]!;
        shared[m] = 0;
        const [x, y] = [clusterOf[i]!, clusterOf[m]!];
        if (n < CONFLICT_MIN_SHARED || x === y || rivals.get(x)?.has(y)) continue;
        if (conflicting(candidates[m]!, c, dates)) { note(x, y); note(y, x); conflicted.add(sentenceKey(candidates[m]!)).add(sentenceKey(c)); }
      }
      postings.add(i, c.words);
    });
  }
  return { rivals, conflicted };
}
