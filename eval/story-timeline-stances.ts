/**
 * The story timeline and stances against the hand-annotated story corpora: how many gold
 * events appear on the timeline with their date, and how many gold stance positions are found
 * (same actor, same position, same date), on the real case in ../shared/corpus and on the
 * project's fictional example story.
 *
 * Run: npx tsx eval/story-timeline-stances.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvalResult, EvalTask } from './types.js';
import { REPO_ROOT, IRAN_DIR, GOLD_STORIES } from './paths.js';
import type { Doc } from '../src/core/index.js';
import { analyzeInputs } from '../src/workflow/index.js';
import { mergeEntities } from '../src/story/entities/index.js';
import { buildTimeline } from '../src/story/timeline/index.js';
import { findStances } from '../src/story/stances/index.js';
import type { Stance, StoryContext, TimelineEntry } from '../src/story/types.js';


interface GoldEvent { readonly date: string | null; readonly actor: string; readonly what: string; readonly evidence: string }
interface GoldArticle { readonly id: string; readonly file: string; readonly events?: GoldEvent[]; readonly body_first?: string }
interface GoldPosition { readonly actor: string; readonly position: string; readonly date: string | null; readonly articles: string[] }
export interface StoryGold {
  readonly articles: GoldArticle[];
  readonly aliases?: { canonical: string; forms: string[] }[];
  readonly stances: { topic: string; positions: GoldPosition[] };
}

export function loadGold(dir: string): StoryGold {
  return JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as StoryGold;
}

const squash = (s: string): string => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ');

/** Where a gold evidence string is in a doc's text (whitespace and quote marks folded), or null. */
function locate(doc: Doc, evidence: string): { start: number; end: number } | null {
  const at = doc.text.indexOf(evidence);
  if (at >= 0) return { start: at, end: at + evidence.length };
  // fold whitespace and typographic quotes; both foldings keep one char per char except runs of spaces
  const words = squash(evidence).split(' ').filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2018\u2019]").replace(/"/g, '["\u201C\u201D]'));
  const m = new RegExp(words.join('\\s+')).exec(doc.text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** The doc a gold article is about: its file name in the source path, and (for files of several items) the text holding its evidence. */
export function docForGold(docs: readonly Doc[], article: GoldArticle): Doc | undefined {
  const base = path.basename(article.file);
  const byPath = docs.filter((d) => (d.source.path ?? '').endsWith(base));
  if (byPath.length <= 1) return byPath[0];
  const probe = article.events?.find((e) => e.evidence)?.evidence ?? article.body_first;
  return byPath.find((d) => probe && locate(d, probe)) ?? byPath[0];
}

export interface TimelineScore { found: number; total: number; missed: string[] }

/** Gold events on the timeline: an entry with a source overlapping the gold evidence and the gold date at the gold's precision. */
export function scoreTimeline(gold: StoryGold, docs: readonly Doc[], timeline: readonly TimelineEntry[]): TimelineScore {
  let found = 0;
  let total = 0;
  const missed: string[] = [];
  for (const article of gold.articles) {
    const doc = docForGold(docs, article);
    for (const event of article.events ?? []) {
      if (!event.date) continue;
      total++;
      const span = doc ? locate(doc, event.evidence) : null;
      const hit = span && timeline.some((entry) => entry.date.slice(0, event.date!.length) === event.date
        && entry.sources.some((s) => s.article === doc!.id && s.start < span.end && span.start < s.end));
      if (hit) found++;
      else missed.push(`${article.id} ${event.date} ${event.actor}: ${event.evidence}${span ? '' : ' (evidence not found)'}`);
    }
  }
  return { found, total, missed };
}

const DEMONYM_STEM = 4;
/** Loose key of a descriptive actor: content words cut to their first letters, so "Iranian mission" = "Iran's mission". */
function descriptionKey(name: string): string {
  return squash(name).toLowerCase().replace(/'s\b/g, '').split(/[^a-z]+/).filter((w) => w.length > 2 && !['the', 'and'].includes(w))
    .map((w) => w.slice(0, DEMONYM_STEM)).sort().join(' ');
}

/** Same actor: the same name, names in one gold alias group, or the same description. */
export function sameActor(gold: StoryGold, goldActor: string, found: string): boolean {
  const norm = (s: string): string => squash(s).toLowerCase();
  if (norm(goldActor) === norm(found)) return true;
  const group = gold.aliases?.find((g) => [g.canonical, ...g.forms].some((f) => norm(f) === norm(goldActor)));
  if (group && [group.canonical, ...group.forms].some((f) => norm(f) === norm(found))) return true;
  return descriptionKey(goldActor) === descriptionKey(found);
}

export interface StanceScore { found: number; foundIgnoringDate: number; total: number; missed: string[]; matchedEmitted: number; emitted: number; unmatched: string[] }

export function scoreStances(gold: StoryGold, stances: readonly Stance[]): StanceScore {
  let found = 0;
  let foundIgnoringDate = 0;
  const missed: string[] = [];
  for (const p of gold.stances.positions) {
    const same = stances.filter((s) => s.position === p.position && sameActor(gold, p.actor, s.actor));
    if (same.length) foundIgnoringDate++;
    if (same.some((s) => p.date === null || s.date === p.date)) found++;
    else missed.push(`${p.actor} ${p.position} ${p.date}${same.length ? ` (found on ${same.map((s) => s.date).join(', ')})` : ''}`);
  }
  // precision: an emitted stance counts when some gold position has its actor (or alias group) and
  // position, date ignored. Gold lists only positions on the main topic and may be incomplete, so
  // a right stance the annotators left out (or one on another topic) counts against this figure.
  const unmatched: string[] = [];
  let matchedEmitted = 0;
  for (const s of stances) {
    if (gold.stances.positions.some((p) => p.position === s.position && sameActor(gold, p.actor, s.actor))) matchedEmitted++;
    else unmatched.push(`${s.actor} ${s.position} ${s.date}: ${squash(s.evidence).slice(0, 100)}`);
  }
  return { found, foundIgnoringDate, total: gold.stances.positions.length, missed, matchedEmitted, emitted: stances.length, unmatched };
}

/** Annotate a story folder and build its context, timeline and stances. */
export async function runStory(inputs: string[]): Promise<{ docs: Doc[]; ctx: StoryContext; timeline: TimelineEntry[]; stances: Stance[] }> {
  const { docs } = await analyzeInputs(inputs);
  const ctx: StoryContext = { docs, entities: mergeEntities(docs) };
  return { docs, ctx, timeline: buildTimeline(ctx), stances: findStances(ctx) };
}

export const task: EvalTask = {
  name: 'story-timeline-stances',
  async run(): Promise<EvalResult> {
    const rows: Record<string, string | number | null>[] = [];
    const metrics: Record<string, number> = {};
    const used: string[] = [];
    for (const story of GOLD_STORIES) {
      if (!existsSync(path.join(story.dir, 'gold.json'))) continue;
      used.push(path.relative(REPO_ROOT, story.dir));
      const gold = loadGold(story.dir);
      const { docs, timeline, stances } = await runStory(story.inputs);
      const t = scoreTimeline(gold, docs, timeline);
      const s = scoreStances(gold, stances);
      rows.push({ story: path.basename(story.dir), timeline_gold_events: `${t.found}/${t.total}`, entries: timeline.length, stance_positions: `${s.found}/${s.total}`, stance_positions_any_date: `${s.foundIgnoringDate}/${s.total}`, stances: stances.length, stance_precision: `${s.matchedEmitted}/${s.emitted}` });
      metrics[`${story.key}timeline_gold_events`] = t.found;
      metrics[`${story.key}stance_positions`] = s.found;
      metrics[`${story.key}stance_positions_any_date`] = s.foundIgnoringDate;
      metrics[`${story.key}stance_precision`] = s.emitted ? Number((s.matchedEmitted / s.emitted).toFixed(3)) : 0;
    }
    if (used.length === 0) return { task: 'story-timeline-stances', data: IRAN_DIR, rows: [], metrics: {}, skipped: 'no story gold found: skipped' };
    return { task: 'story-timeline-stances', data: `gold events and stance positions of ${used.join(', ')}`, rows, metrics };
  },
};
