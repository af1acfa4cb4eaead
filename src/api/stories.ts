/**
 * Stories as the API serves them: grouped by the Library's story index,
 * built as the Library builds them (`buildStoryWithEntities` honouring the
 * stored unmerges), with the analyst's stored merges applied on top, and
 * cached per story until its articles or overrides change.
 */
import type { Doc } from '../core/index.js';
import type { EntityOverride, Store } from '../store/index.js';
import { buildStoryWithEntities, type Story, type StoryEntity } from '../story/index.js';
import type { Library, LibraryStory } from '../workflow/index.js';
import { annotateArticle } from '../workflow/index.js';
import { ApiError } from './errors.js';

/** Two entities, each named by story entity id or canonical name. */
export interface EntityPair {
  readonly a: string;
  readonly b: string;
}

/** The analyst corrections standing for one story: names joined, names kept apart. */
export interface EntityOverrides {
  readonly merges: readonly EntityPair[];
  readonly unmerges: readonly EntityPair[];
}

/** A story ready to serve: merges applied, and the way from an article's local entity to the story's. */
export interface ServedStory {
  readonly story: Story;
  readonly docs: readonly Doc[];
  readonly overrides: EntityOverrides;
  /** Story entity id of an article's in-article entity (after the analyst's merges), if it has one. */
  entityOf(articleId: string, localEntityId: string): string | undefined;
  /** The story's canonical name for an article's in-article entity, if it has one. */
  nameOf(articleId: string, localEntityId: string): string | undefined;
}

/** The short form of a story for lists. */
export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly articles: readonly string[];
}

interface CacheEntry {
  readonly key: string;
  readonly promise: Promise<ServedStory>;
}

/** The Library's story list, read once per change. */
interface StoryList {
  readonly stories: readonly StoryEntry[];
  readonly byId: ReadonlyMap<string, StoryEntry>;
  readonly storyOfArticle: ReadonlyMap<string, string>;
}

interface StoryEntry {
  readonly id: string;
  readonly articles: readonly string[];
}

/**
 * How long the story list is trusted before the article count is checked for
 * adds made by another process (`parallax add` on the same database). Adds
 * through this API refresh it at once; reading the list costs ~15 ms at
 * 1,000 articles, too much to pay on every request.
 */
const RECHECK_MS = 1_000;
/** From this many stories to build at once, their articles are read in one query instead of one each. */
const BULK_READ_STORIES = 20;

/**
 * Serves the Library's stories, building each at most once per state: the
 * cache key is the story id, its article ids and the number of stored
 * overrides, so an added article or a new override rebuilds only the story it
 * touches. `GET /api/stories` over 1,000 single-article stories builds each
 * once, then answers from the cache.
 *
 * Membership comes from the Library (its story index placed every article);
 * a story is built the way `Library.story` builds it — `buildStoryWithEntities`
 * with the standing unmerges — from a story list read once per change rather
 * than once per story (see {@link StoryService.build}).
 */
export class StoryService {
  private readonly cache = new Map<string, CacheEntry>();
  /** Stored override count per story as last read (global overrides included). */
  private readonly overrideCounts = new Map<string, number>();
  private snapshot: { revision: number; checkedAt: number; count: number; promise: Promise<StoryList> } | null = null;
  private revision = 0;

  constructor(private readonly library: () => Promise<Library>) {}

  /** Articles were added or placed through this process: read the story list again. */
  invalidate(): void {
    this.revision++;
  }

  /** Every story with its title, in the order the stories began. */
  async list(): Promise<StorySummary[]> {
    const lib = await this.library();
    const { stories } = await this.storyList(lib);
    // Stories never built (or changed since) have no cache hit: build them, their articles read in one query when many.
    const missing = stories.filter((s) => this.cache.get(s.id)?.key !== cacheKey(s.articles, this.overrideCounts.get(s.id) ?? -1));
    const docs = missing.length >= BULK_READ_STORIES ? await this.readAll(lib) : undefined;
    const out: StorySummary[] = [];
    for (const entry of stories) {
      // A story never built has no known count: it misses the cache and is built, which reads the count.
      const { story } = await this.cached(lib, entry, this.overrideCounts.get(entry.id) ?? -1, docs);
      out.push({ id: entry.id, title: story.title, articles: entry.articles });
    }
    return out;
  }

  /** @throws ApiError 404 E_STORY_NOT_FOUND */
  async get(id: string): Promise<ServedStory> {
    const lib = await this.library();
    const entry = (await this.storyList(lib)).byId.get(id);
    if (!entry) throw new ApiError(404, 'E_STORY_NOT_FOUND', `story ${id} not found`);
    // Read the count each time (~0.5 ms): another process (the CLI) may have recorded an override.
    const count = (await lib.store.listEntityOverrides(id)).length;
    this.overrideCounts.set(id, count);
    return this.cached(lib, entry, count);
  }

  /** The story an article belongs to, or null (near-duplicates and articles not yet grouped have none). */
  async ofArticle(articleId: string): Promise<ServedStory | null> {
    const storyId = (await this.storyList(await this.library())).storyOfArticle.get(articleId);
    return storyId ? this.get(storyId) : null;
  }

  /** Story ids by article id, for lists. */
  async storyIds(): Promise<ReadonlyMap<string, string>> {
    return (await this.storyList(await this.library())).storyOfArticle;
  }

  /**
   * Record that two entities of a story are one (stored, so it survives a restart); returns the
   * rebuilt story. A merge cancels an earlier unmerge of the same names.
   * @throws ApiError 404 E_STORY_NOT_FOUND, E_ENTITY_NOT_FOUND
   */
  async merge(id: string, pair: EntityPair): Promise<ServedStory> {
    const served = await this.get(id);
    const a = requireEntity(served.story, pair.a);
    const b = requireEntity(served.story, pair.b);
    const names = { a: a.name, b: b.name };
    const unmerged = served.overrides.unmerges.some((u) => samePair(u, names));
    const merged = served.overrides.merges.some((m) => samePair(m, names));
    // Nothing to record when they are one entity already and no unmerge keeps them apart.
    if (unmerged || (a.id !== b.id && !merged)) {
      await (await this.library()).store.addEntityOverride({ storyId: id, kind: 'merge', ...names });
    }
    return this.get(id);
  }

  /**
   * Record that two names of a story are different entities (stored; honoured by the story
   * builder); returns the rebuilt story. An unmerge cancels an earlier merge of the same names.
   * @throws ApiError 404 E_STORY_NOT_FOUND, E_ENTITY_NOT_FOUND
   */
  async unmerge(id: string, pair: EntityPair): Promise<ServedStory> {
    const served = await this.get(id);
    const a = requireEntity(served.story, pair.a, { aliases: true });
    const b = requireEntity(served.story, pair.b, { aliases: true });
    const names = { a: nameIn(a, pair.a), b: nameIn(b, pair.b) };
    const standing = served.overrides.unmerges.some((u) => samePair(u, names));
    const merged = served.overrides.merges.some((m) => samePair(m, names));
    if (merged || !standing) await (await this.library()).unmerge(id, names.a, names.b);
    return this.get(id);
  }

  /** The Library's story list, re-read after an add here or, at most once a second, when the article count moved. */
  private async storyList(lib: Library): Promise<StoryList> {
    const now = Date.now();
    const current = this.snapshot;
    if (current && current.revision === this.revision) {
      if (now - current.checkedAt < RECHECK_MS) return current.promise;
      const count = await lib.store.countArticles({ includeDuplicates: true });
      if (count === current.count && this.snapshot === current) {
        current.checkedAt = now;
        return current.promise;
      }
    }
    const revision = this.revision;
    const count = await lib.store.countArticles({ includeDuplicates: true });
    const loading = { revision, checkedAt: now, count, promise: readStoryList(lib) };
    this.snapshot = loading;
    // A failed read is not kept: the next request tries again.
    loading.promise.catch(() => { if (this.snapshot === loading) this.snapshot = null; });
    return loading.promise;
  }

  private cached(lib: Library, entry: StoryEntry, overrideCount: number, docs?: ReadonlyMap<string, Doc>): Promise<ServedStory> {
    const key = cacheKey(entry.articles, overrideCount);
    const hit = this.cache.get(entry.id);
    if (hit && hit.key === key) return hit.promise;
    const building = this.build(lib, entry, docs);
    const promise = building.then((b) => b.served);
    const pending: CacheEntry = { key, promise };
    this.cache.set(entry.id, pending);
    building.then(
      // File the story under what it was really built from (an override may have raced the build).
      (b) => { if (this.cache.get(entry.id) === pending) this.cache.set(entry.id, { key: b.key, promise }); },
      // A failed build is not cached: the next request tries again.
      () => { if (this.cache.get(entry.id) === pending) this.cache.delete(entry.id); },
    );
    return promise;
  }

  /**
   * Build one story as `Library.story` does (its annotated articles, the stored overrides, the
   * standing unmerges), from the entry already read: `Library.story(id)` re-reads the whole story
   * list for each story, which made the first list of 1,000 stories take ~20 s instead of ~5 s.
   */
  private async build(lib: Library, entry: StoryEntry, known?: ReadonlyMap<string, Doc>): Promise<{ served: ServedStory; key: string }> {
    const docs: Doc[] = [];
    for (const id of entry.articles) {
      const doc = known?.get(id) ?? (await lib.store.getArticle(id))?.doc;
      if (doc) docs.push(await ensureAnnotated(lib.store, doc));
    }
    const overrides = await lib.store.listEntityOverrides(entry.id);
    this.overrideCounts.set(entry.id, overrides.length);
    const { story, entities } = buildStoryWithEntities(docs, { id: entry.id, unmerge: standingOverrides(overrides).unmerges });
    return { served: serve({ story, docs, entities, overrides }), key: cacheKey(entry.articles, overrides.length) };
  }

  private async readAll(lib: Library): Promise<Map<string, Doc>> {
    return new Map((await lib.store.listArticles()).map((row) => [row.doc.id, row.doc]));
  }
}

async function readStoryList(lib: Library): Promise<StoryList> {
  const stories = await lib.stories();
  const storyOfArticle = new Map<string, string>();
  for (const s of stories) for (const a of s.articles) storyOfArticle.set(a, s.id);
  return { stories, byId: new Map(stories.map((s) => [s.id, s])), storyOfArticle };
}

function cacheKey(articles: readonly string[], overrideCount: number): string {
  return `${articles.join(',')}#${overrideCount}`;
}

/** Apply the stored merges to a built story and compose the entity resolution with them. */
function serve(built: LibraryStory): ServedStory {
  const overrides = standingOverrides(built.overrides);
  const { story, redirects } = mergeEntitiesOf(built.story, overrides.merges);
  const names = new Map(story.entities.map((e) => [e.id, e.name]));
  const entityOf = (articleId: string, local: string): string | undefined => {
    const id = built.entities.resolve(articleId, local);
    return id === undefined ? undefined : (redirects.get(id) ?? id);
  };
  return {
    story,
    docs: built.docs,
    overrides,
    entityOf,
    nameOf: (articleId, local) => {
      const id = entityOf(articleId, local);
      return id === undefined ? undefined : names.get(id);
    },
  };
}

/**
 * The overrides that still stand, oldest first: of the merges and unmerges of one pair of
 * names, the latest wins (the Library reads unmerges the same way).
 */
export function standingOverrides(overrides: readonly EntityOverride[]): EntityOverrides {
  const latest = new Map<string, EntityOverride>();
  for (const o of overrides) {
    const key = [o.a, o.b].sort().join('\u0000');
    latest.delete(key);
    latest.set(key, o);
  }
  const pairs = (kind: EntityOverride['kind']) => [...latest.values()].filter((o) => o.kind === kind).map((o) => ({ a: o.a, b: o.b }));
  return { merges: pairs('merge'), unmerges: pairs('unmerge') };
}

/**
 * Apply analyst merges to a built story: the second entity's names, articles
 * and mentions join the first, and every place naming it is renamed.
 * Pairs whose entities are gone (or already one) change nothing.
 */
export function applyMerges(story: Story, merges: readonly EntityPair[]): Story {
  return mergeEntitiesOf(story, merges).story;
}

/** {@link applyMerges}, also returning where each merged-away entity id went. */
function mergeEntitiesOf(story: Story, merges: readonly EntityPair[]): { story: Story; redirects: Map<string, string> } {
  let current = story;
  const redirects = new Map<string, string>();
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
    for (const [from, to] of redirects) if (to === b.id) redirects.set(from, a.id);
    redirects.set(b.id, a.id);
  }
  return { story: current, redirects };
}

/**
 * Annotate an article stored without layers (added by `parallax add`, say)
 * and save the layers, so the work is done once.
 */
export async function ensureAnnotated(store: Store, doc: Doc): Promise<Doc> {
  // The same test as the Library's: articles it annotated are not annotated again.
  if (doc.layers.entities && doc.layers.events) return doc;
  const annotated = await annotateArticle(doc);
  await store.updateLayers(doc.id, annotated.layers);
  return annotated;
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
  // the alias written as asked first: "Port Aven" and "PORT AVEN" may both be aliases, and overrides compare names exactly
  return entity.aliases.find((alias) => alias === key) ?? entity.aliases.find((alias) => alias.toLowerCase() === key.toLowerCase()) ?? entity.name;
}

function samePair(x: EntityPair, y: EntityPair): boolean {
  return (x.a === y.a && x.b === y.b) || (x.a === y.b && x.b === y.a);
}
