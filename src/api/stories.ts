/**
 * Stories over the stored articles: group, build (with the story stages the
 * app is given, or a simple per-group story until they are plugged in),
 * cache, and apply the analyst's entity merge/unmerge overrides.
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../core/index.js';
import type { Store } from '../store/index.js';
import type { Story, StoryEntity, TimelineEntry } from '../story/types.js';
import { annotateDoc } from '../workflow/index.js';
import { ApiError } from './errors.js';

/** Two entities, each named by story entity id or canonical name. */
export interface EntityPair {
  readonly a: string;
  readonly b: string;
}

/** Analyst corrections for one story: names to join, names to keep apart. */
export interface EntityOverrides {
  readonly merges: readonly EntityPair[];
  readonly unmerges: readonly EntityPair[];
}

/** The story stages: articles of one story → Story. Overrides are passed for builders that honour them. */
export type StoryBuilder = (docs: Doc[], overrides: EntityOverrides) => Story;
/** Split all stored articles into the groups that each tell one story. */
export type StoryGrouper = (docs: Doc[]) => Doc[][];

/** A built story and the annotated articles it was built from. */
export interface BuiltStory {
  readonly story: Story;
  readonly docs: readonly Doc[];
}

interface Snapshot {
  readonly key: string;
  readonly stories: Map<string, BuiltStory>;
}

/**
 * How long a snapshot is trusted before the article count is checked again
 * for adds made by other processes (`parallax add` on the same database).
 * Adds through this API invalidate at once; one second keeps story reads
 * from paying a count query each.
 */
const RECHECK_MS = 1_000;

/** Longest title made from an article's first words when it has no headline. */
const FALLBACK_TITLE_CHARS = 80;

/**
 * Keeps the stories of the store, rebuilt only when the set of articles or
 * the overrides change. Overrides live in memory for now (see the report:
 * the store needs an `entity_overrides` migration to persist them).
 */
export class StoryService {
  private snapshot: { key: string; revision: number; checkedAt: number; promise: Promise<Snapshot> } | null = null;
  private readonly overrides = new Map<string, { merges: EntityPair[]; unmerges: EntityPair[] }>();
  private revision = 0;

  constructor(
    private readonly store: Store,
    private readonly options: { buildStory?: StoryBuilder; groupStories?: StoryGrouper } = {},
  ) {}

  /** Forget built stories: articles were added. */
  invalidate(): void {
    this.revision++;
  }

  async list(): Promise<BuiltStory[]> {
    return [...(await this.current()).stories.values()];
  }

  /** @throws ApiError 404 E_STORY_NOT_FOUND */
  async get(id: string): Promise<BuiltStory> {
    const found = (await this.current()).stories.get(id);
    if (!found) throw new ApiError(404, 'E_STORY_NOT_FOUND', `story ${id} not found`);
    return found;
  }

  overridesOf(id: string): EntityOverrides {
    return this.overrides.get(id) ?? { merges: [], unmerges: [] };
  }

  /** Record that two entities of a story are one; returns the rebuilt story. */
  async merge(id: string, pair: EntityPair): Promise<BuiltStory> {
    const { story } = await this.get(id);
    const a = requireEntity(story, pair.a);
    const b = requireEntity(story, pair.b);
    const entry = this.entryFor(id);
    entry.unmerges = entry.unmerges.filter((u) => !samePair(u, { a: a.name, b: b.name }));
    if (a.id !== b.id && !entry.merges.some((m) => samePair(m, { a: a.name, b: b.name }))) entry.merges.push({ a: a.name, b: b.name });
    return this.rebuild(id);
  }

  /** Record that two names of a story are different entities; returns the rebuilt story. */
  async unmerge(id: string, pair: EntityPair): Promise<BuiltStory> {
    const { story } = await this.get(id);
    const a = requireEntity(story, pair.a, { aliases: true });
    const b = requireEntity(story, pair.b, { aliases: true });
    const names = { a: nameIn(a, pair.a), b: nameIn(b, pair.b) };
    const entry = this.entryFor(id);
    entry.merges = entry.merges.filter((m) => !samePair(m, names));
    if (!entry.unmerges.some((u) => samePair(u, names))) entry.unmerges.push(names);
    return this.rebuild(id);
  }

  private entryFor(id: string): { merges: EntityPair[]; unmerges: EntityPair[] } {
    let entry = this.overrides.get(id);
    if (!entry) this.overrides.set(id, (entry = { merges: [], unmerges: [] }));
    return entry;
  }

  private async rebuild(id: string): Promise<BuiltStory> {
    const snapshot = await this.current();
    const old = snapshot.stories.get(id);
    if (!old) throw new ApiError(404, 'E_STORY_NOT_FOUND', `story ${id} not found`);
    const rebuilt = this.build([...old.docs], id);
    snapshot.stories.set(id, rebuilt);
    return rebuilt;
  }

  /** The snapshot for the current articles; the article count catches adds made by other processes. */
  private async current(): Promise<Snapshot> {
    const now = Date.now();
    if (this.snapshot && this.snapshot.revision === this.revision && now - this.snapshot.checkedAt < RECHECK_MS) return this.snapshot.promise;
    const key = `${await this.store.countArticles({ includeDuplicates: true })}:${this.revision}`;
    if (this.snapshot?.key === key) {
      this.snapshot.checkedAt = now;
    } else {
      const loading = { key, revision: this.revision, checkedAt: now, promise: this.load(key) };
      this.snapshot = loading;
      // A failed load is not cached: the next request tries again.
      loading.promise.catch(() => { if (this.snapshot === loading) this.snapshot = null; });
    }
    return this.snapshot.promise;
  }

  private async load(key: string): Promise<Snapshot> {
    const stored = await this.store.listArticles();
    const docs: Doc[] = [];
    for (const { doc } of stored) docs.push(await ensureAnnotated(this.store, doc));
    const groups = (this.options.groupStories ?? groupByStoredStory)(docs);
    const stories = new Map<string, BuiltStory>();
    for (const group of groups) {
      if (group.length === 0) continue;
      const id = storyIdOf(group);
      stories.set(id, this.build(group, id));
    }
    return { key, stories };
  }

  private build(docs: Doc[], id: string): BuiltStory {
    const overrides = this.overridesOf(id);
    const built = this.options.buildStory ? this.options.buildStory(docs, overrides) : simpleStory(docs);
    return { story: applyMerges({ ...built, id }, overrides.merges), docs };
  }
}

/**
 * Annotate an article stored without layers (added by `parallax add`, say)
 * and save the layers, so the work is done once.
 */
export async function ensureAnnotated(store: Store, doc: Doc): Promise<Doc> {
  if (doc.layers.entities && doc.layers.quotes) return doc;
  const annotated = annotateDoc(doc);
  await store.updateLayers(doc.id, annotated.layers);
  return annotated;
}

/** Stable story id from its articles: the same articles give the same id across restarts. */
export function storyIdOf(docs: readonly Doc[]): string {
  const ids = docs.map((d) => d.id).sort();
  return 's_' + createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 16);
}

/**
 * Default grouping until the clustering stage is plugged in: articles that
 * carry the same stored `storyId` layer form one story; every other article is
 * a story of its own. Never lumps unrelated articles together.
 */
export function groupByStoredStory(docs: Doc[]): Doc[][] {
  const groups = new Map<string, Doc[]>();
  for (const doc of docs) {
    const stored = (doc.layers as Record<string, unknown>)['storyId'];
    const key = typeof stored === 'string' && stored ? `story:${stored}` : `article:${doc.id}`;
    const group = groups.get(key);
    if (group) group.push(doc);
    else groups.set(key, [doc]);
  }
  return [...groups.values()];
}

/**
 * A story from the articles' own layers, without cross-article analysis:
 * each article's entities (not merged across articles) and its dated events
 * as the timeline. Used until the story stages are plugged in.
 */
export function simpleStory(docs: readonly Doc[]): Story {
  const entities: StoryEntity[] = [];
  const timeline: TimelineEntry[] = [];
  for (const doc of docs) {
    const index = doc.layers.entityIndex ?? [];
    const name = new Map(index.map((e) => [e.id, e.name]));
    const mentions = new Map<string, { count: number; forms: Set<string> }>();
    for (const m of doc.layers.entities ?? []) {
      const entry = mentions.get(m.entity) ?? { count: 0, forms: new Set<string>() };
      entry.count++;
      entry.forms.add(doc.text.slice(m.start, m.end));
      mentions.set(m.entity, entry);
    }
    for (const e of index) {
      const seen = mentions.get(e.id);
      entities.push({
        id: `${doc.id}/${e.id}`, name: e.name, type: e.type, aliases: [...new Set([e.name, ...(seen?.forms ?? [])])],
        articles: [doc.id], titles: e.titles ?? [], merges: [], mentionCount: seen?.count ?? 0,
      });
    }
    for (const ev of doc.layers.events ?? []) {
      if (!ev.date) continue;
      const evidence = doc.text.slice(ev.start, ev.end);
      timeline.push({
        date: ev.date,
        actors: ev.actor && name.get(ev.actor) ? [name.get(ev.actor)!] : [],
        action: ev.action,
        summary: evidence.replace(/\s+/g, ' ').trim(),
        sources: [{ article: doc.id, evidence, start: ev.start, end: ev.end, reported: doc.meta.published?.value ?? null, date: ev.date }],
      });
    }
  }
  timeline.sort((x, y) => x.date.localeCompare(y.date));
  return {
    id: storyIdOf(docs), title: titleOf(docs), articles: docs.map((d) => d.id), entities, timeline,
    topics: [], stances: [], contradictions: [], quoteVariants: [], singleSource: [], framing: [],
  };
}

function titleOf(docs: readonly Doc[]): string {
  const titled = docs.find((d) => d.meta.title?.value);
  if (titled) return titled.meta.title!.value;
  const words = (docs[0]?.text ?? '').replace(/\s+/g, ' ').trim();
  return words.length <= FALLBACK_TITLE_CHARS ? words : words.slice(0, FALLBACK_TITLE_CHARS - 1).replace(/\s+\S*$/, '') + '…';
}

/**
 * Apply analyst merges to a built story: the second entity's names, articles
 * and mentions join the first, and every place naming it is renamed.
 * Pairs whose entities are gone (or already one) change nothing.
 */
export function applyMerges(story: Story, merges: readonly EntityPair[]): Story {
  let current = story;
  for (const pair of merges) {
    const a = findEntity(current, pair.a);
    const b = findEntity(current, pair.b);
    if (!a || !b || a.id === b.id) continue;
    const joined: StoryEntity = {
      ...a,
      aliases: [...new Set([...a.aliases, b.name, ...b.aliases])],
      articles: [...new Set([...a.articles, ...b.articles])],
      titles: [...new Set([...a.titles, ...b.titles])],
      mentionCount: a.mentionCount + b.mentionCount,
    };
    const rename = (n: string): string => (n === b.name ? a.name : n);
    current = {
      ...current,
      entities: current.entities.filter((e) => e.id !== b.id).map((e) => (e.id === a.id ? joined : e)),
      timeline: current.timeline.map((t) => ({ ...t, actors: [...new Set(t.actors.map(rename))] })),
      stances: current.stances.map((s) => ({ ...s, actor: rename(s.actor) })),
      quoteVariants: current.quoteVariants.map((q) => ({ ...q, speaker: rename(q.speaker) })),
    };
  }
  return current;
}

function findEntity(story: Story, key: string, options: { aliases?: boolean } = {}): StoryEntity | undefined {
  const folded = key.toLowerCase();
  return story.entities.find((e) => e.id === key)
    ?? story.entities.find((e) => e.name.toLowerCase() === folded)
    ?? (options.aliases ? story.entities.find((e) => e.aliases.some((alias) => alias.toLowerCase() === folded)) : undefined);
}

function requireEntity(story: Story, key: string, options: { aliases?: boolean } = {}): StoryEntity {
  const found = findEntity(story, key, options);
  if (!found) throw new ApiError(404, 'E_ENTITY_NOT_FOUND', `story ${story.id} has no entity named or with id "${key}"`);
  return found;
}

/** The name a key stands for: the alias itself when it names an alias, else the entity's name. */
function nameIn(entity: StoryEntity, key: string): string {
  if (key === entity.id) return entity.name;
  return entity.aliases.find((alias) => alias.toLowerCase() === key.toLowerCase()) ?? entity.name;
}

function samePair(x: EntityPair, y: EntityPair): boolean {
  const f = (s: string) => s.toLowerCase();
  return (f(x.a) === f(y.a) && f(x.b) === f(y.b)) || (f(x.a) === f(y.b) && f(x.b) === f(y.a));
}
