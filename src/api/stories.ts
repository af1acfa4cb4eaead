/**
 * Stories as the API serves them: the latest stored build of each (built by
 * a job when the story changed, never on a reader's request), with its build
 * time and whether newer changes wait for a rebuild. A request reads the
 * build's version (one small query) and answers from a per-process cache of
 * parsed builds, so reads keep their speed while articles are being added.
 */
import type { Doc } from '../core/index.js';
import type { Store, StoryBuild, StoryRecord } from '../store/index.js';
import type { Story } from '../story/index.js';
import {
  latestBuild, storyDocs, findEntity, type BuiltStory, type EntityOverrides, type EntityPair, type Library,
} from '../workflow/index.js';
import { ApiError } from './errors.js';

export { standingOverrides, applyMerges, type EntityOverrides, type EntityPair } from '../workflow/index.js';

/** How a served story was built: its version and time, and whether changes wait for the next build. */
export interface BuildInfo {
  readonly version: number;
  readonly builtAt: string;
  /** Articles joined or overrides changed since this build; a rebuild is queued. */
  readonly stale: boolean;
  readonly buildMs: number;
}

/** A story ready to serve, and the way from an article's local entity to the story's. */
export interface ServedStory {
  readonly story: Story;
  readonly overrides: EntityOverrides;
  /** Null while the story's first build is being made: the story then lists its articles only. */
  readonly build: BuildInfo | null;
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
  /** Articles joined or overrides changed since the latest build (or it has none yet). */
  readonly stale: boolean;
}

/** Parsed builds kept per process: enough for every story an analyst team has open. */
const CACHED_BUILDS = 500;

const NO_OVERRIDES: EntityOverrides = { merges: [], unmerges: [] };

function serve(built: BuiltStory): ServedStory {
  const names = new Map(built.story.entities.map((e) => [e.id, e.name]));
  const entityOf = (articleId: string, local: string) => built.entities[articleId]?.[local];
  return {
    story: built.story,
    overrides: built.overrides,
    build: built.build,
    entityOf,
    nameOf: (articleId, local) => {
      const id = entityOf(articleId, local);
      return id === undefined ? undefined : names.get(id);
    },
  };
}

/** A story whose first build is not stored yet: its articles, nothing else. */
function pending(record: StoryRecord, articles: readonly string[]): ServedStory {
  const story: Story = {
    id: record.id, title: record.title ?? 'Untitled story', articles, entities: [], timeline: [], topics: [], stances: [],
    contradictions: [], quoteVariants: [], singleSource: [], framing: [],
  };
  return { story, overrides: NO_OVERRIDES, build: null, entityOf: () => undefined, nameOf: () => undefined };
}

/**
 * Serves stored stories. Each request checks the latest build's version and the story's state
 * (two indexed lookups) and answers from the cache when the version is known.
 */
export class StoryService {
  private readonly cache = new Map<string, { version: number; served: ServedStory }>();
  /** Builds being read and parsed: readers of a new version share one load instead of each parsing it. */
  private readonly loading = new Map<string, { version: number; served: Promise<ServedStory | null> }>();

  constructor(private readonly store: Store, private readonly library: () => Promise<Library>) {}

  /** Stories a page at a time, in the order they began (or most recently changed first), with the total. */
  async list(page: { limit: number; offset: number; order?: 'created' | 'changed' }): Promise<{ stories: StorySummary[]; total: number }> {
    const [records, total] = await Promise.all([this.store.listStoryRecords(page), this.store.countStories()]);
    const articles = await this.store.storyArticles(records.map((r) => r.id));
    const stories = records.map((r) => ({
      id: r.id,
      title: r.title ?? 'Untitled story',
      articles: articles.get(r.id) ?? [],
      stale: r.stale,
    }));
    return { stories, total };
  }

  /**
   * The latest build of a story (a story merged into another: that one's).
   * @throws ApiError 404 E_STORY_NOT_FOUND
   */
  async get(id: string): Promise<ServedStory> {
    const { record, head } = await this.head(id);
    id = record.id;
    if (!head) return pending(record, await this.store.storyArticleIds(id));
    const hit = this.cache.get(id);
    if (hit && hit.version === head.version) {
      const stale = record.changedSeq > head.coversSeq;
      if (stale === hit.served.build?.stale) return hit.served;
      // A build once stale stays so (its story only changes further): keep that one object for the next readers.
      const marked = { ...hit.served, build: { ...hit.served.build!, stale } };
      this.remember(id, head.version, marked);
      return marked;
    }
    const served = await this.load(id, head.version, record);
    return served ?? pending(record, await this.store.storyArticleIds(id));
  }

  /**
   * A story's state and its latest build's version, without the build (a story merged into another: that one's).
   * @throws ApiError 404 E_STORY_NOT_FOUND
   */
  async head(id: string): Promise<{ record: StoryRecord; head: Omit<StoryBuild, 'data'> | null }> {
    // Both at once: one round trip's wait instead of two (a story merged away asks again for the one it went into).
    const [record, head] = await Promise.all([this.store.storyRecord(id), this.store.latestStoryBuildHead(id)]);
    if (!record) throw new ApiError(404, 'E_STORY_NOT_FOUND', `story ${id} not found`);
    if (record.mergedInto) return this.head(record.mergedInto);
    return { record, head };
  }

  /**
   * Read and parse a story's latest build once however many readers ask for it at the same time: a
   * large story rebuilt while many clients read it would otherwise be parsed by each of them at once.
   */
  private load(id: string, version: number, record: StoryRecord): Promise<ServedStory | null> {
    const inFlight = this.loading.get(id);
    if (inFlight && inFlight.version === version) return inFlight.served;
    const served = latestBuild(this.store, id, record).then((built) => {
      if (!built) return null;
      const out = serve(built);
      this.remember(id, built.build.version, out);
      return out;
    });
    const entry = { version, served };
    this.loading.set(id, entry);
    const done = () => { if (this.loading.get(id) === entry) this.loading.delete(id); };
    served.then(done, done);
    return served;
  }

  /** The story an article belongs to, or null (near-duplicates and articles not yet placed have none). */
  async ofArticle(articleId: string): Promise<ServedStory | null> {
    const storyId = await this.store.storyOfArticle(articleId);
    return storyId ? this.get(storyId) : null;
  }

  /** The stored articles of a story (for exports). */
  docs(storyId: string): Promise<Doc[]> {
    return storyDocs(this.store, storyId);
  }

  /**
   * Record that two entities of a story are one (stored, so it survives a restart); returns the
   * rebuilt story. A merge cancels an earlier unmerge of the same names.
   * @throws ApiError 404 E_STORY_NOT_FOUND, E_ENTITY_NOT_FOUND
   */
  async merge(id: string, pair: EntityPair): Promise<ServedStory> {
    const served = await this.built(id);
    const a = requireEntity(served.story, pair.a);
    const b = requireEntity(served.story, pair.b);
    const names = { a: a.name, b: b.name };
    const unmerged = served.overrides.unmerges.some((u) => samePair(u, names));
    const merged = served.overrides.merges.some((m) => samePair(m, names));
    // Nothing to record when they are one entity already and no unmerge keeps them apart.
    if (unmerged || (a.id !== b.id && !merged)) await (await this.library()).merge(served.story.id, names.a, names.b);
    return this.get(served.story.id);
  }

  /**
   * Record that two names of a story are different entities (stored; honoured by the story
   * builder); returns the rebuilt story. An unmerge cancels an earlier merge of the same names.
   * @throws ApiError 404 E_STORY_NOT_FOUND, E_ENTITY_NOT_FOUND
   */
  async unmerge(id: string, pair: EntityPair): Promise<ServedStory> {
    const served = await this.built(id);
    const a = requireEntity(served.story, pair.a, { aliases: true });
    const b = requireEntity(served.story, pair.b, { aliases: true });
    const names = { a: nameIn(a, pair.a), b: nameIn(b, pair.b) };
    const standing = served.overrides.unmerges.some((u) => samePair(u, names));
    const merged = served.overrides.merges.some((m) => samePair(m, names));
    if (merged || !standing) await (await this.library()).unmerge(served.story.id, names.a, names.b);
    return this.get(served.story.id);
  }

  /** The story with a build: an analyst correcting entities acts on what they saw, so a story never built is built first. */
  private async built(id: string): Promise<ServedStory> {
    const served = await this.get(id);
    if (served.build) return served;
    await (await this.library()).rebuild(served.story.id);
    return this.get(served.story.id);
  }

  private remember(id: string, version: number, served: ServedStory): void {
    this.cache.delete(id);
    this.cache.set(id, { version, served });
    if (this.cache.size > CACHED_BUILDS) this.cache.delete(this.cache.keys().next().value!);
  }
}

function requireEntity(story: Story, key: string, options: { aliases?: boolean } = {}) {
  const found = findEntity(story, key, options);
  if (!found) throw new ApiError(404, 'E_ENTITY_NOT_FOUND', `story ${story.id} has no entity named or with id "${key}"`);
  return found;
}

/** The name a key stands for: the alias itself when it names an alias, else the entity's name. */
function nameIn(entity: Story['entities'][number], key: string): string {
  if (key === entity.id) return entity.name;
  // the alias written as asked first: "Port Aven" and "PORT AVEN" may both be aliases, and overrides compare names exactly
  return entity.aliases.find((alias) => alias === key) ?? entity.aliases.find((alias) => alias.toLowerCase() === key.toLowerCase()) ?? entity.name;
}

function samePair(x: EntityPair, y: EntityPair): boolean {
  return (x.a === y.a && x.b === y.b) || (x.a === y.b && x.b === y.a);
}
