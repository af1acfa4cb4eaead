/**
 * The timeline against real events: on the Iran corpus the merged `timeline_gold` (one entry per
 * real event, with the evidence of every article reporting it); on the real-news corpus the
 * articles' gold events, those of one story with the same date and actor taken as one real
 * event. An entry reports a real event when one of its sources overlaps the event's evidence in
 * that article and its date agrees at the gold's precision. Measured: events found, events found
 * in exactly one entry (restatements merged), and events whose entry names the gold actor first.
 */
import type { Doc, Span } from '../../src/core/index.js';
import type { TimelineEntry } from '../../src/story/types.js';
import { locate, norm, overlaps, sameActor, type StoryGold } from './gold.js';

export interface RealEvent { readonly date: string; readonly actor: string; readonly what: string; readonly members: readonly { article: string; evidence: string }[] }

export interface TimelineScore {
  readonly events: number;
  readonly found: number;
  readonly oneEntry: number;
  readonly actorRight: number;
  readonly detail: string[];
}

/** Real events of the Iran corpus: its merged, dated timeline gold. */
export function mergedGoldEvents(gold: StoryGold): RealEvent[] {
  return (gold.timeline_gold ?? []).filter((e) => e.date).map((e) => ({
    date: e.date!, actor: e.actor, what: e.what, members: Object.entries(e.evidence).map(([article, evidence]) => ({ article, evidence })),
  }));
}

const actorKey = (actor: string): string => norm(actor).split(' ').filter((w) => w !== 'and').sort().join(' ');

/** Real events of a corpus with per-article events only: one story's events of one date and one actor are one event. */
export function groupedArticleEvents(gold: StoryGold, storyOf: (article: string) => string | undefined): RealEvent[] {
  const groups = new Map<string, RealEvent & { members: { article: string; evidence: string }[] }>();
  for (const a of gold.articles) {
    for (const e of a.events ?? []) {
      if (!e.date) continue;
      const key = `${storyOf(a.id)}|${e.date}|${actorKey(e.actor)}`;
      const g = groups.get(key) ?? groups.set(key, { date: e.date, actor: e.actor, what: e.what, members: [] }).get(key)!;
      g.members.push({ article: a.id, evidence: e.evidence });
    }
  }
  return [...groups.values()];
}

/** Stems of a descriptive actor's words ("Russian and Ukrainian delegations" → dele, russ, ukra). */
const stems = (name: string): string[] => norm(name).split(' ').filter((w) => w.length > 2 && w !== 'and' && w !== 'the').map((w) => w.slice(0, 4));

/** The found actor is the gold one, or one of the parties a descriptive gold actor names ("Russia" of "Russia and Ukraine"). */
export function actorMatches(gold: StoryGold, goldActor: string, found: string | undefined): boolean {
  if (!found) return false;
  if (sameActor(gold, goldActor, found)) return true;
  const described = /\b(?:and|unnamed)\b|\b\p{Ll}+s\b/u.test(goldActor);
  const g = new Set(stems(goldActor));
  return described && stems(found).length > 0 && stems(found).every((w) => g.has(w));
}

export function scoreTimeline(gold: StoryGold, events: readonly RealEvent[], timeline: readonly TimelineEntry[], corpus: { docOf(id: string): Doc | undefined; idOf(article: string): string | undefined }): TimelineScore {
  let found = 0;
  let oneEntry = 0;
  let actorRight = 0;
  const detail: string[] = [];
  for (const e of events) {
    const spans = e.members.flatMap((m) => {
      const doc = corpus.docOf(m.article);
      const span = doc ? locate(doc, m.evidence) : null;
      return span ? [{ article: m.article, span }] : [];
    });
    // An entry of the event's date from one of its articles counts too when that article reports no other event of the date:
    // a restatement the gold lists once ("the 2015 agreement" in a sentence about something else).
    const articles = new Set(e.members.map((m) => m.article).filter((a) => !events.some((o) => o !== e && o.date === e.date && o.members.some((m) => m.article === a))));
    const matching = timeline.filter((t) => t.date.slice(0, e.date.length) === e.date
      && t.sources.some((s) => (t.date === e.date && articles.has(corpus.idOf(s.article) ?? '')) || spans.some((g) => g.article === corpus.idOf(s.article) && overlaps(g.span, s as Span))));
    if (matching.length === 0) { detail.push(`MISSED ${e.date} ${e.actor}: ${e.what}`); continue; }
    found++;
    if (matching.length === 1) oneEntry++;
    else detail.push(`${matching.length} ENTRIES ${e.date} ${e.actor}: ${e.what}`);
    const actor = matching[0]!.actors[0];
    if (actorMatches(gold, e.actor, actor)) actorRight++;
    else detail.push(`ACTOR ${e.date} ${e.actor} ≠ ${actor ?? 'none'}: ${e.what}`);
  }
  return { events: events.length, found, oneEntry, actorRight, detail };
}
