import type { Doc, RawPage } from '../core/index.js';
import type { AddOutcome, ArticleOriginalInput, EntityOverride, Store } from '../store/index.js';
import { StoryIndex, storyFeatures, buildStoryWithEntities, type Story, type EntityResolution } from '../story/index.js';
import { annotateArticle } from './annotate-pool.js';

/** What adding one article did: the store's outcome, and the story it joined when it is new. */
export type LibraryAddOutcome = AddOutcome & { storyId?: string; newStory?: boolean };

/** A built story with the articles it was built from and its entity resolution. */
export interface LibraryStory {
  readonly story: Story;
  readonly docs: readonly Doc[];
  readonly entities: EntityResolution;
  readonly overrides: readonly EntityOverride[];
}

/**
 * The stored articles as stories: every added article is annotated, stored with its layers,
 * and placed in a story by the incremental story index; analyst overrides are stored and
 * replayed when a story is built. Shared by the CLI and the HTTP API, so both see the same stories.
 */
export class Library {
  private constructor(readonly store: Store, private readonly index: StoryIndex) {}

  /**
   * Open the library over a store, rebuilding the story index from the stored articles in the
   * order they were added (the same order gives the same stories), annotating and grouping any
   * article stored without them.
   */
  static async open(store: Store): Promise<Library> {
    const library = new Library(store, new StoryIndex());
    const known = new Map<string, string>();
    for (const s of await store.listStories()) for (const id of s.articles) known.set(id, s.id);
    for (const { doc } of await store.listArticles()) await library.place(await library.annotated(doc), known.get(doc.id));
    return library;
  }

  /**
   * Annotate, store, and place a new article in a story. The `original` page it was read from is
   * kept with a new article (same transaction); a page the store refuses is reported in
   * `originalError` and never costs the article.
   */
  async add(doc: Doc, options: { original?: RawPage } = {}): Promise<LibraryAddOutcome> {
    const annotated = doc.layers.entities ? doc : await annotateArticle(doc);
    const outcome = await this.store.addDoc(annotated, options.original ? { original: originalOf(options.original) } : {});
    if (outcome.status !== 'added') return outcome;
    return { ...outcome, ...(await this.place(annotated)) };
  }

  /** Stories and their article ids, in the order they began. */
  async stories(): Promise<{ id: string; articles: string[] }[]> {
    return this.store.listStories();
  }

  /** The story with this id, built with its analyst overrides; null when there is none. */
  async story(id: string): Promise<LibraryStory | null> {
    const entry = (await this.store.listStories()).find((s) => s.id === id);
    if (!entry) return null;
    const docs: Doc[] = [];
    for (const articleId of entry.articles) {
      const stored = await this.store.getArticle(articleId);
      if (stored) docs.push(await this.annotated(stored.doc));
    }
    const overrides = await this.store.listEntityOverrides(id);
    const { story, entities } = buildStoryWithEntities(docs, { id, unmerge: unmergeRules(overrides) });
    return { story, docs, entities, overrides };
  }

  /** Record that two names of a story are different entities (undo a wrong merge). */
  async unmerge(storyId: string, a: string, b: string): Promise<void> {
    await this.store.addEntityOverride({ storyId, kind: 'unmerge', a, b });
  }

  /** The stored doc with its layers, annotating and saving them once if it was stored without. */
  private async annotated(doc: Doc): Promise<Doc> {
    if (doc.layers.entities && doc.layers.events) return doc;
    const annotated = await annotateArticle(doc);
    await this.store.updateLayers(doc.id, annotated.layers);
    return annotated;
  }

  /** Put an article in the story index and record its story (unless the store already has that one). */
  private async place(doc: Doc, storedStory?: string): Promise<{ storyId: string; newStory: boolean }> {
    const assignment = this.index.add(doc.id, storyFeatures(doc, { termWeight: (t) => this.index.termWeight(t) }));
    if (assignment.storyId !== storedStory) await this.store.setStory(doc.id, assignment.storyId);
    return { storyId: assignment.storyId, newStory: assignment.isNew };
  }
}

/** What the store keeps of a page: its decoded text and how it was read. */
function originalOf(page: RawPage): ArticleOriginalInput {
  return { content: page.content, contentType: page.contentType ?? null, encoding: page.encoding, format: page.format, fetchedAt: page.fetchedAt };
}

/** The unmerge overrides that still stand: a later merge of the same pair cancels an earlier unmerge. */
function unmergeRules(overrides: readonly EntityOverride[]): { a: string; b: string }[] {
  const standing = new Map<string, { a: string; b: string }>();
  for (const o of overrides) {
    const key = [o.a, o.b].sort().join('\u0000');
    if (o.kind === 'unmerge') standing.set(key, { a: o.a, b: o.b });
    else standing.delete(key);
  }
  return [...standing.values()];
}
