/**
 * The story in a few plain lines, built from its findings, each line with the words of the
 * articles it rests on: what the sources are; what the main actors did and when (from the
 * timeline); who holds which position and how it changed (from the stances); where the sources
 * disagree (from the contradictions); what rests on one source; and what the articles leave
 * unsaid about themselves (no date, no outlet). A neutral title is composed from the same
 * findings, not taken from one outlet's headline.
 */
import type { Doc } from '../../core/index.js';
import type { Contradiction, SingleSourceClaim, SourceEvidence, Stance, StanceTopic, StoryEntity, SummaryLine, TimelineEntry } from '../types.js';
import { compareDates } from '../timeline/index.js';
import { isStatement } from '../consistency/single-source.js';
import { describeDate, describeDay, listWords } from './words.js';

export { describeDate } from './words.js';

/** Lines at most: a summary reads in a minute. */
const MAX_LINES = 10;
/** Actors whose dated actions get a line of their own. */
const ACTOR_LINES = 4;
/** Dated actions named per actor line. */
const ACTIONS_PER_ACTOR = 3;
/** Disagreements and single-source claims named in their lines. */
const DISAGREEMENTS = 3;
const SINGLE_SOURCE = 3;
/** Stance positions named in a positions line. */
const POSITIONS_PER_LINE = 5;

export interface SummaryInput {
  readonly docs: readonly Doc[];
  readonly entities: readonly StoryEntity[];
  readonly timeline: readonly TimelineEntry[];
  readonly topics: readonly StanceTopic[];
  readonly stances: readonly Stance[];
  readonly contradictions: readonly Contradiction[];
  readonly singleSource: readonly SingleSourceClaim[];
  /** The kind each article is read as (framing), by article id. */
  readonly kinds: ReadonlyMap<string, string>;
}

const evidenceOf = (s: { article: string; evidence: string; start: number; end: number }): SourceEvidence => ({ article: s.article, evidence: s.evidence, start: s.start, end: s.end });

/** How an article is named in a line: its outlet, else its title's first words, else its number in the story. */
function articleName(doc: Doc, index: number): string {
  const outlet = doc.meta.outlet?.value;
  if (outlet) return outlet;
  const url = doc.meta.url?.value ?? doc.source.url;
  if (url) {
    try { return new URL(url).hostname.replace(/^www\./, ''); } catch { /* not an address: named otherwise */ }
  }
  const title = doc.meta.title?.value;
  if (title) return `“${title.split(/\s+/).slice(0, 6).join(' ')}${title.split(/\s+/).length > 6 ? '…' : ''}”`;
  return `article ${index + 1}`;
}

/** The first sentence of an article, as the evidence of what it is. */
function opening(doc: Doc): SourceEvidence {
  const s = doc.layers.sentences?.[0] ?? { start: 0, end: Math.min(doc.text.length, 200) };
  return { article: doc.id, evidence: doc.text.slice(s.start, s.end), start: s.start, end: s.end };
}

function sourcesLine(input: SummaryInput, names: ReadonlyMap<string, string>): SummaryLine {
  const { docs } = input;
  const dated = docs.map((d) => d.meta.published?.value?.slice(0, 10)).filter((d): d is string => Boolean(d)).sort();
  const byKind = new Map<string, string[]>();
  for (const d of docs) {
    const kind = input.kinds.get(d.id) ?? 'news';
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(names.get(d.id)!);
  }
  const kinds = [...byKind].map(([kind, ns]) => `${kind} (${listWords(ns)})`);
  const span = dated.length ? (dated[0] === dated[dated.length - 1] ? `, published ${describeDay(dated[0]!)}` : `, published between ${describeDay(dated[0]!)} and ${describeDay(dated[dated.length - 1]!)}`) : '';
  const question = titleTopic(input);
  const topic = question ? ` on ${question}` : '';
  return { text: `${docs.length} articles${topic}${span}: ${listWords(kinds)}.`, evidence: docs.map(opening) };
}

/** One line per main actor: their dated actions in order, as the timeline labels them. */
function actorLines(input: SummaryInput): SummaryLine[] {
  const byActor = new Map<string, TimelineEntry[]>();
  for (const t of input.timeline) {
    const actor = t.actors[0];
    if (actor) (byActor.get(actor) ?? byActor.set(actor, []).get(actor)!).push(t);
  }
  const weight = (entries: readonly TimelineEntry[]): number => entries.reduce((n, t) => n + new Set(t.sources.map((s) => s.article)).size, 0);
  return [...byActor]
    .filter(([, entries]) => entries.some((t) => /\d{4}-\d{2}/.test(t.date)))
    .sort((a, b) => weight(b[1]) - weight(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, ACTOR_LINES)
    .map(([actor, entries]) => {
      const picked = [...entries].sort((a, b) => weight([b]) - weight([a]) || compareDates(b.date, a.date)).slice(0, ACTIONS_PER_ACTOR).sort((a, b) => compareDates(a.date, b.date));
      const actions = picked.map((t) => `${actionOf(t.summary, actor)} (${describeDate(t.date)})`);
      return { text: `${actor}: ${listWords(actions, '; ')}.`, evidence: picked.flatMap((t) => t.sources.map(evidenceOf)) };
    });
}

/** A timeline label without the doer's name in front ("Tomas Brandt signed …" → "signed …"). */
function actionOf(label: string, actor: string): string {
  return label.startsWith(actor) ? label.slice(actor.length).replace(/^[:\s]+/, '') : label;
}

/**
 * Who holds which position on the story's question. Only dated positions, in date order, are said
 * as a change ("against (2 March), then for (17 March)"); a position no date places is added apart
 * ("also for, undated"), never put before or after the dated ones.
 */
function positionLines(input: SummaryInput): SummaryLine[] {
  const topic = input.topics[0];
  if (!topic || input.stances.length === 0) return [];
  const byActor = new Map<string, Stance[]>();
  for (const s of input.stances) (byActor.get(s.actor) ?? byActor.set(s.actor, []).get(s.actor)!).push(s);
  const described = [...byActor].map(([actor, ss]) => {
    const dated = ss.filter((s) => s.date).sort((a, b) => compareDates(a.date!, b.date!));
    const undated = ss.filter((s) => !s.date);
    // Consecutive dated stances of one position read as one: "against (2 and 16 September), then for (17 September)".
    const runs: { position: string; dates: string[] }[] = [];
    for (const st of dated) {
      const last = runs[runs.length - 1];
      const date = describeDate(st.date!);
      if (last && last.position === st.position) { if (!last.dates.includes(date)) last.dates.push(date); } else runs.push({ position: st.position, dates: [date] });
    }
    // A change the text itself states is said with the position it led to ("against, after initially holding another view"),
    // unless the dates already show one; the earlier view it names is that "another view", not a position of its own.
    const earlier = (s: Stance): boolean => s.note?.startsWith('initially held this view') === true;
    const apart = [...new Set(undated.filter((s) => !earlier(s) || ss.every(earlier)).map((s) => s.position))].filter((p) => !runs.some((r) => r.position === p));
    const turned = runs.length < 2 && ss.some((s) => s.note?.includes('initially held another view'));
    const text = (runs.length === 0
      ? `${actor} ${apart.length > 1 ? `${listWords(apart)} (undated, in no known order)` : apart[0]!}`
      : `${actor} ${runs.map((r) => `${r.position} (${listWords(r.dates)})`).join(', then ')}${apart.length ? ` — also ${listWords(apart)} (undated)` : ''}`)
      + (turned ? ', after initially holding another view' : '');
    return { actor, text, stances: [...dated, ...undated], weight: new Set(ss.map((s) => s.article)).size };
  }).sort((a, b) => b.weight - a.weight || a.actor.localeCompare(b.actor));
  const against = described.filter((d) => d.stances.every((s) => s.position === 'against'));
  const others = described.filter((d) => !against.includes(d));
  const line = (lead: string, items: typeof described): SummaryLine | null => items.length === 0 ? null : ({
    text: `${lead}: ${listWords(items.slice(0, POSITIONS_PER_LINE).map((d) => d.text), '; ')}${items.length > POSITIONS_PER_LINE ? `; and ${items.length - POSITIONS_PER_LINE} more` : ''}.`,
    evidence: items.slice(0, POSITIONS_PER_LINE).flatMap((d) => d.stances.map((s) => ({ article: s.article, evidence: s.evidence, start: s.start, end: s.end }))),
  });
  return [line(`Against ${topic.label}`, against), line(`Other positions on ${topic.label}`, others)].filter((l): l is SummaryLine => l !== null);
}

function disagreementLine(input: SummaryInput, names: ReadonlyMap<string, string>): SummaryLine[] {
  if (input.contradictions.length === 0) return [];
  const ranked = [...input.contradictions].sort((a, b) => articlesIn(b) - articlesIn(a));
  const value = (c: Contradiction, v: string): string => (c.kind === 'date' ? describeDate(v) : v);
  const parts = ranked.slice(0, DISAGREEMENTS).map((c) => `${c.claim.replace(/\s*[(:].*$/, '')}: ${c.sides.map((s) => `${value(c, s.value)} (${listWords(s.articles.map((a) => names.get(a) ?? a))})`).join(' vs ')}`);
  return [{
    text: `The sources disagree on ${ranked.length === 1 ? 'one point' : `${ranked.length} points`}. ${parts.join('. ')}.`,
    evidence: ranked.slice(0, DISAGREEMENTS).flatMap((c) => c.sides.flatMap((s) => s.evidenceByArticle ?? [])),
  }];
}

const articlesIn = (c: Contradiction): number => new Set(c.sides.flatMap((s) => s.articles)).size;

function singleSourceLine(input: SummaryInput, names: ReadonlyMap<string, string>): SummaryLine[] {
  const facts = input.singleSource.filter((s, i, all) => !isStatement(s) && all.findIndex((o) => o.article === s.article && o.start === s.start) === i).slice(0, SINGLE_SOURCE);
  if (facts.length === 0) return [];
  const parts = facts.map((s) => `${s.claim.length > 140 ? `${s.claim.slice(0, 140).replace(/\s\S*$/, '')}…` : s.claim} (only ${names.get(s.article)})`);
  return [{ text: `Resting on one source: ${parts.join('; ')}.`, evidence: facts.map((s) => ({ article: s.article, evidence: s.evidence, start: s.start, end: s.end })) }];
}

/** What the articles do not say about themselves: no publication date, no outlet. */
function gapsLine(input: SummaryInput, names: ReadonlyMap<string, string>): SummaryLine[] {
  const undated = input.docs.filter((d) => !d.meta.published);
  const unnamed = input.docs.filter((d) => !d.meta.outlet);
  const parts: string[] = [];
  if (undated.length) parts.push(`${listWords(undated.map((d) => names.get(d.id)!))} carry no publication date`);
  if (unnamed.length) parts.push(`${listWords(unnamed.map((d) => names.get(d.id)!))} name${unnamed.length === 1 ? 's' : ''} no outlet`);
  if (parts.length === 0) return [];
  return [{ text: `Unstated: ${parts.join('; ')}.`, evidence: [...new Set([...undated, ...unnamed])].map(opening) }];
}

/** The story's summary lines (at most ten), each with the words it rests on. */
export function summarizeStory(input: SummaryInput): SummaryLine[] {
  const names = new Map(input.docs.map((d, i) => [d.id, articleName(d, i)]));
  const lines = [
    sourcesLine(input, names),
    ...actorLines(input),
    ...positionLines(input),
    ...disagreementLine(input, names),
    ...singleSourceLine(input, names),
    ...gapsLine(input, names),
  ];
  return lines.slice(0, MAX_LINES);
}

/** A question the story turns on is worth a title when half its articles carry it and it names what it is about. */
function titleTopic(input: SummaryInput): string | undefined {
  const topic = input.topics[0];
  return topic && topic.label.includes(' ') && topic.articles.length * 2 >= input.docs.length ? topic.label : undefined;
}

/**
 * A neutral title: the story's question and its main actor ("Kell: negotiating with the Harbour
 * Board under pressure"), with the month(s) the articles were published; null when the story
 * has no such question (then a shared news headline names it, never an opinion piece's).
 */
export function neutralTitle(input: SummaryInput): string | null {
  const actor = [...input.entities].filter((e) => e.type === 'PERSON' || e.type === 'ORG' || e.type === 'GPE')
    .sort((a, b) => b.articles.length - a.articles.length || b.mentionCount - a.mentionCount)[0]?.name;
  const topic = titleTopic(input);
  if (!topic || !actor) return null;
  const months = [...new Set(input.docs.map((d) => d.meta.published?.value?.slice(0, 7)).filter((m): m is string => Boolean(m)))].sort();
  const when = months.length ? ` (${describeDate(months[0]!)}${months.length > 1 ? `–${describeDate(months[months.length - 1]!)}` : ''})` : '';
  return `${actor}: ${topic}${when}`;
}
