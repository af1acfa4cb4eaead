/**
 * Stored story builds: a story is built by a job when its articles or its
 * analyst overrides change, never on a reader's request, and the result is
 * stored with a version. Readers take the latest version at once, with its
 * build time and whether newer changes are waiting for a rebuild.
 *
 * Rebuilding one story reads only its own articles and never touches another
 * story.
 */
import type { Doc } from '../core/index.js';
import type { Store, StoryRecord } from '../store/index.js';
import type { Story } from '../story/index.js';
import { annotated as withLayers, isAnnotated } from './process-article.js';
import { standingOverrides } from './story-overrides.js';
import { buildStoryOffThread } from './annotate-pool.js';
import { STORY_BUILD_FORMAT, type StoryBuildData } from './story-build-job.js';

export { STORY_BUILD_FORMAT, type StoryBuildData } from './story-build-job.js';

/** A story as readers get it: the latest build, when it was made, and whether changes wait for a rebuild. */
export interface BuiltStory extends StoryBuildData {
  readonly build: { readonly version: number; readonly builtAt: string; readonly stale: boolean; readonly buildMs: number };
}

export type RebuildOutcome =
  | { readonly status: 'built'; readonly version: number; readonly builtAt: string; readonly ms: number; readonly articles: number }
  /** The latest build already covers the latest change. */
  | { readonly status: 'fresh' }
  /** No such story, or it was merged into another one (rebuild that one). */
  | { readonly status: 'gone'; readonly mergedInto: string | null };

/** Story entity id of an article's in-article entity in a build, if it has one. */
export function entityOf(build: StoryBuildData, articleId: string, localEntityId: string): string | undefined {
  return build.entities[articleId]?.[localEntityId];
}

/** The stored articles of a story with their layers, annotating (once, saved) any stored without. */
export async function storyDocs(store: Store, storyId: string): Promise<Doc[]> {
  const stored = await store.getArticles(await store.storyArticleIds(storyId));
  const docs: Doc[] = [];
  for (const { doc } of stored) {
    if (isAnnotated(doc)) { docs.push(doc); continue; }
    const annotated = await withLayers(doc);
    await store.updateLayers(doc.id, annotated.layers);
    docs.push(annotated);
  }
  return docs;
}

/**
 * Build a story from its stored articles and overrides (nothing is stored), on an analysis
 * worker: a large story takes seconds, which the server's event loop must not wait for.
 */
export async function buildFromStore(store: Store, storyId: string): Promise<{ data: StoryBuildData; docs: Doc[] }> {
  const docs = await storyDocs(store, storyId);
  const overrides = standingOverrides(await store.listEntityOverrides(storyId));
  return { data: await buildStoryOffThread({ storyId, docs, overrides }), docs };
}

/**
 * Rebuild a story when it changed since its latest build (or always, with `force`), store the
 * new version and log what readers should hear about: new contradictions, changed stances.
 * A change that lands during the build leaves the story stale, so the next rebuild takes it.
 */
export async function rebuildStory(store: Store, storyId: string, options: { force?: boolean } = {}): Promise<RebuildOutcome> {
  const record = await store.storyRecord(storyId);
  if (!record || record.mergedInto) return { status: 'gone', mergedInto: record?.mergedInto ?? null };
  const previous = await latestBuild(store, storyId);
  const outdated = previous !== null && previous.format !== STORY_BUILD_FORMAT;
  if (!options.force && !record.stale && !outdated && previous) return { status: 'fresh' };
  const started = performance.now();
  const { data } = await buildFromStore(store, storyId);
  const ms = performance.now() - started;
  const saved = await store.saveStoryBuild({
    storyId,
    coversSeq: record.changedSeq,
    articleCount: data.story.articles.length,
    buildMs: ms,
    format: STORY_BUILD_FORMAT,
    data: JSON.stringify(data),
    title: data.story.title,
    changes: previous ? storyChanges(previous.story, data.story) : [],
  });
  return { status: 'built', version: saved.version, builtAt: saved.builtAt, ms, articles: data.story.articles.length };
}

/** The latest stored build of a story, parsed, or null when none was stored (or the story is unknown). */
export async function latestBuild(store: Store, storyId: string, record?: StoryRecord | null): Promise<BuiltStory | null> {
  const build = await store.latestStoryBuild(storyId);
  if (!build) return null;
  const data = JSON.parse(build.data) as StoryBuildData;
  const state = record === undefined ? await store.storyRecord(storyId) : record;
  const stale = state ? state.changedSeq > build.coversSeq : false;
  return { ...data, format: build.format, build: { version: build.version, builtAt: build.builtAt, stale, buildMs: build.buildMs } };
}

/** Per actor and topic, the position of the latest stance (by date, then order). */
function latestPositions(story: Story): Map<string, { actor: string; topic: string; position: string }> {
  const out = new Map<string, { actor: string; topic: string; position: string; date: string }>();
  for (const s of story.stances ?? []) {
    const key = `${s.actor}\u0000${s.topic}`;
    const date = s.date ?? '';
    const seen = out.get(key);
    if (!seen || date >= seen.date) out.set(key, { actor: s.actor, topic: s.topic, position: s.position, date });
  }
  return out;
}

/** What a new build changed that a reader following the story wants to hear: new contradictions, changed stances. */
export function storyChanges(before: Story, after: Story): { kind: 'contradiction-new' | 'stance-changed'; data: Record<string, unknown> }[] {
  const changes: { kind: 'contradiction-new' | 'stance-changed'; data: Record<string, unknown> }[] = [];
  const known = new Set((before.contradictions ?? []).map((c) => `${c.kind}\u0000${c.claim}`));
  for (const c of after.contradictions ?? []) {
    if (!known.has(`${c.kind}\u0000${c.claim}`)) changes.push({ kind: 'contradiction-new', data: { kind: c.kind, claim: c.claim, sides: c.sides.map((s) => s.value) } });
  }
  const was = latestPositions(before);
  for (const [key, now] of latestPositions(after)) {
    const then = was.get(key);
    if (then && then.position !== now.position) changes.push({ kind: 'stance-changed', data: { actor: now.actor, topic: now.topic, from: then.position, to: now.position } });
  }
  return changes;
}
