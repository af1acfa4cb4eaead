import { createHash } from 'node:crypto';
import type { Doc } from '../core/index.js';
import type { EntityResolution, Story, StoryContext, StoryEntity, TimelineEntry, UnmergeRule } from './types.js';
import { mergeEntities } from './entities/index.js';
import { buildTimeline, contentWords } from './timeline/index.js';
import { findTopics, findStances } from './stances/index.js';
import { findContradictions, findQuoteVariants, findRoundedFigures, findSingleSourceClaims } from './consistency/index.js';
import { describeFraming, type MainEvent } from './framing/index.js';
import { clusterDocs } from './cluster/index.js';
import { neutralTitle, summarizeStory } from './summary/index.js';
import { analysedPart } from '../annotate/budget.js';

/** How many actors count as the story's main ones (for coverage: who an article leaves out). */
const MAIN_ACTORS = 8;
/** Entity types that act in a story. */
const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE']);
/** A news outlet or agency ("The Daily Ledger", "Velda Press Agency"): the medium a story travels by, not one of its actors. */
const MEDIA_NAME = /\b(?:Press|News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Agency|Television|TV|Radio|Broadcasting|Newswire|Wire)\b/;

export interface BuildStoryOptions {
  /** Story id; by default derived from the article ids. */
  readonly id?: string;
  /** Name pairs an analyst split apart. */
  readonly unmerge?: readonly UnmergeRule[];
  /** Called after each stage with its name and wall time in ms (for benches and profiling). */
  readonly onStage?: (stage: StoryStage, ms: number) => void;
}

/** The stages of building a story, in the order they run. */
export type StoryStage = 'mergeEntities' | 'buildTimeline' | 'findTopics' | 'findStances' | 'describeFraming' | 'findQuoteVariants' | 'findContradictions' | 'findSingleSourceClaims' | 'summarizeStory';

/** Actors most articles mention, then most often: who a reader of the whole story meets. */
function mainActors(entities: readonly StoryEntity[]): string[] {
  return entities
    .filter((e) => ACTOR_TYPES.has(e.type) && !(e.type === 'ORG' && MEDIA_NAME.test(e.name)))
    .sort((a, b) => b.articles.length - a.articles.length || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name))
    .slice(0, MAIN_ACTORS)
    .map((e) => e.name);
}

/** The most main events an article can be said to leave out: the ones most sources carry. */
const MAX_MAIN_EVENTS = 20;

/** Events several sources carry: the story's main events, with the articles that report them. */
function mainEvents(timeline: readonly TimelineEntry[]): MainEvent[] {
  const articlesOf = (e: TimelineEntry) => [...new Set(e.sources.map((s) => s.article))];
  const carried = timeline.map((e) => ({ e, n: articlesOf(e).length })).filter((x) => x.n >= 2);
  const kept = new Set(carried.sort((a, b) => b.n - a.n).slice(0, MAX_MAIN_EVENTS).map((x) => x.e));
  return timeline
    .filter((e) => kept.has(e))
    .map((e) => ({
      label: e.summary, date: e.date, articles: articlesOf(e), sources: e.sources,
      keywords: [...contentWords(e.sources.map((s) => s.evidence).join(' '))].filter((w) => e.sources.every((s) => contentWords(s.evidence).has(w))).slice(0, 8),
      ...(e.actors[0] ? { actor: e.actors[0] } : {}),
    }));
}

/** Headline words shared with the other headlines count once each; a dated, attributed article is a better name-giver. */
const CREDIBLE_TITLE_BONUS = 2;

/**
 * The story's title: the headline that shares most words with the other headlines,
 * preferring articles that state their outlet and date (a wire report over an anonymous blog).
 */
function storyTitle(docs: readonly Doc[], fallback: string): string {
  const titled = docs.filter((d) => d.meta.title?.value);
  if (titled.length === 0) return fallback;
  const words = titled.map((d) => contentWords(d.meta.title!.value));
  // How many headlines carry each word: a headline shares each of its words with all the others that carry it.
  const carriers = new Map<string, number>();
  for (const ws of words) for (const x of ws) carriers.set(x, (carriers.get(x) ?? 0) + 1);
  let best = 0;
  let bestScore = -1;
  titled.forEach((doc, i) => {
    let score = 0;
    for (const x of words[i]!) score += carriers.get(x)! - 1;
    if (doc.meta.outlet && doc.meta.published) score += CREDIBLE_TITLE_BONUS;
    if (score > bestScore) { best = i; bestScore = score; }
  });
  return titled[best]!.meta.title!.value;
}

function storyId(docs: readonly Doc[]): string {
  return 'story_' + createHash('sha256').update(docs.map((d) => d.id).sort().join(',')).digest('hex').slice(0, 12);
}

/**
 * The cross-source view of annotated articles that cover one story: merged entities,
 * one timeline, stances on the questions the story turns on, contradictions, quote variants,
 * single-source claims and each article's framing — every finding with its evidence.
 */
export function buildStory(docs: readonly Doc[], options: BuildStoryOptions = {}): Story {
  return buildStoryWithEntities(docs, options).story;
}

/** `buildStory`, also returning the entity resolution that maps each article's local entity ids to story entities. */
export function buildStoryWithEntities(given: readonly Doc[], options: BuildStoryOptions = {}): { story: Story; entities: EntityResolution } {
  // An article whose analysis the budget cut is read up to the cut: the rest has no layers to build on.
  const docs = given.map(analysedPart);
  const stage = <T>(name: StoryStage, run: () => T): T => {
    if (!options.onStage) return run();
    const started = performance.now();
    const out = run();
    options.onStage(name, performance.now() - started);
    return out;
  };
  const entities = stage('mergeEntities', () => mergeEntities(docs, { unmerge: options.unmerge }));
  const ctx: StoryContext = { docs, entities };
  const timeline = stage('buildTimeline', () => buildTimeline(ctx));
  const topics = stage('findTopics', () => findTopics(ctx));
  const stances = stage('findStances', () => findStances(ctx, topics));
  const framing = stage('describeFraming', () => describeFraming(ctx, { mainActors: mainActors(entities.entities), mainEvents: mainEvents(timeline) }));
  const quoteVariants = stage('findQuoteVariants', () => findQuoteVariants(ctx));
  const contradictions = stage('findContradictions', () => findContradictions(ctx, { timeline, quoteVariants, stances }));
  const singleSource = stage('findSingleSourceClaims', () => findSingleSourceClaims(ctx, timeline));
  const kinds = new Map(framing.map((f) => [f.article, f.kind]));
  const findings = { docs, entities: entities.entities, timeline, topics, stances, contradictions, singleSource, kinds };
  const summary = stage('summarizeStory', () => summarizeStory(findings));
  const story: Story = {
    id: options.id ?? storyId(docs),
    title: neutralTitle(findings) ?? storyTitle(docs.filter((d) => (kinds.get(d.id) ?? 'news') === 'news'), topics[0]?.label ?? 'Untitled story'),
    summary,
    articles: docs.map((d) => d.id),
    entities: entities.entities,
    timeline,
    topics,
    stances,
    contradictions,
    roundings: findRoundedFigures(ctx),
    quoteVariants,
    singleSource,
    framing,
  };
  return { story, entities };
}

/** Group annotated articles into stories and build each one. Articles alone in their group make a one-article story. */
export function buildStories(docs: readonly Doc[], options: { unmerge?: readonly UnmergeRule[] } = {}): { story: Story; entities: EntityResolution }[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return clusterDocs(docs).map((group) => buildStoryWithEntities(group.articles.map((id) => byId.get(id)!), { id: group.id, unmerge: options.unmerge }));
}
