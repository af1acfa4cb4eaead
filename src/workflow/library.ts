import type { Doc, RawPage } from '../core/index.js';
import type { AddOutcome, ArticleOriginalInput, Store } from '../store/index.js';
import type { Story } from '../story/index.js';
import { annotated } from './process-article.js';
import { buildFromStore, entityOf, latestBuild, rebuildStory, storyDocs, type BuiltStory, type RebuildOutcome } from './story-builds.js';
import type { EntityOverrides } from './story-overrides.js';

/** What adding one article did: the store's outcome, and the story it joined when it is new. */
export type LibraryAddOutcome = AddOutcome & { storyId?: string; newStory?: boolean; merged?: readonly string[] };

/** A built story with the articles it was built from. */
export interface LibraryStory {
  readonly story: Story;
  readonly docs: readonly Doc[];
  /** The analyst's standing merges and unmerges. */
  readonly overrides: EntityOverrides;
  /** Version, build time, and whether changes wait for a rebuild. */
  readonly build: BuiltStory['build'];
  /** The story entity id of an article's in-article entity. */
  entityOf(articleId: string, localEntityId: string): string | undefined;
}

/**
 * The stored articles as stories, shared by the CLI, the API and the job workers. Every
 * process sees the same stories: articles are placed through the database's story index in
 * their own transaction, and stories are built by jobs and stored, so opening a library
 * costs the same at any size (nothing is replayed).
 */
export class Library {
  constructor(readonly store: Store) {}

  /** The library over a store (kept for callers of earlier releases: opening reads nothing). */
  static async open(store: Store): Promise<Library> {
    return new Library(store);
  }

  /**
   * Annotate, store and place one article in a story, in one transaction. The `original`
   * page is kept with a new article; a page the store refuses is reported in `originalError`
   * and never costs the article. The story is marked for a rebuild (see `rebuildStale`).
   */
  async add(doc: Doc, options: { original?: RawPage } = {}): Promise<LibraryAddOutcome> {
    const withLayers = await annotated(doc);
    const outcome = await this.store.addDoc(withLayers, { place: true, ...(options.original ? { original: originalOf(options.original) } : {}) });
    if (outcome.status !== 'added' || !outcome.story) return outcome;
    return { ...outcome, storyId: outcome.story.storyId, newStory: outcome.story.isNew, merged: outcome.story.merged };
  }

  /** Stories and their article ids, in the order they began. */
  async stories(): Promise<{ id: string; articles: string[] }[]> {
    return this.store.listStories();
  }

  /**
   * The latest stored build of a story with its articles; null when there is no such story.
   * A story never built is built and stored first when `buildIfMissing` (the CLI: one
   * analyst, no worker running), otherwise it is null until its rebuild job ran.
   */
  async story(id: string, options: { buildIfMissing?: boolean } = {}): Promise<LibraryStory | null> {
    const record = await this.store.storyRecord(id);
    if (!record || record.mergedInto) return record?.mergedInto ? this.story(record.mergedInto, options) : null;
    let built = await latestBuild(this.store, id, record);
    if (!built && options.buildIfMissing) {
      await rebuildStory(this.store, id);
      built = await latestBuild(this.store, id);
    }
    if (!built) return null;
    const docs = await storyDocs(this.store, id);
    const data = built;
    return { story: built.story, docs: docs.filter((d) => built.story.articles.includes(d.id)), overrides: built.overrides, build: built.build, entityOf: (a, l) => entityOf(data, a, l) };
  }

  /** Build a story now, without storing it (exports and tests of the build itself). */
  async buildNow(id: string): Promise<{ story: Story; docs: Doc[] }> {
    const { data, docs } = await buildFromStore(this.store, id);
    return { story: data.story, docs };
  }

  /** Record that two names of a story are different entities (undo a wrong merge), and rebuild the story. */
  async unmerge(storyId: string, a: string, b: string): Promise<void> {
    await this.override(storyId, 'unmerge', a, b);
  }

  /** Record that two entities of a story are one, and rebuild the story. */
  async merge(storyId: string, a: string, b: string): Promise<void> {
    await this.override(storyId, 'merge', a, b);
  }

  /** Rebuild one story if it changed since its latest build (always, with `force`). */
  rebuild(storyId: string, options: { force?: boolean } = {}): Promise<RebuildOutcome> {
    return rebuildStory(this.store, storyId, options);
  }

  /** Rebuild every story changed since its latest build, the least recently changed first; returns how many were built. */
  async rebuildStale(options: { limit?: number } = {}): Promise<number> {
    let built = 0;
    for (const record of await this.store.staleStories(options.limit ?? Number.MAX_SAFE_INTEGER)) {
      if ((await rebuildStory(this.store, record.id)).status === 'built') built++;
    }
    return built;
  }

  /** An analyst's correction is an analyst's action: stored, and the story rebuilt at once. */
  private async override(storyId: string, kind: 'merge' | 'unmerge', a: string, b: string): Promise<void> {
    await this.store.addEntityOverride({ storyId, kind, a, b });
    await this.store.touchStory(storyId);
    await rebuildStory(this.store, storyId);
  }
}

/** What the store keeps of a page: its decoded text and how it was read. */
export function originalOf(page: RawPage): ArticleOriginalInput {
  return { content: page.content, contentType: page.contentType ?? null, encoding: page.encoding, format: page.format, fetchedAt: page.fetchedAt };
}
