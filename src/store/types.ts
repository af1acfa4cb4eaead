import type { Doc, DocSource } from '../core/index.js';
import type { SqlClient } from './sql-client.js';
import type { Placement } from './story-state.js';
import type { StoryBuild, StoryRecord } from './story-builds.js';
import type { Change } from './changes.js';

export interface StoreConfig {
  /** PGlite data folder. Default: `PARALLAX_DB`, else `.parallax/db` under the working directory. */
  dataDir?: string;
  /** PostgreSQL connection URL. Default: `DATABASE_URL`. */
  databaseUrl?: string;
  /** PGlite in memory: nothing is written to disk (tests, one-off runs). */
  memory?: boolean;
}

export type AddOutcome =
  /** A new article; `story` says where it was placed when placement was asked for. */
  | ({ status: 'added'; id: string; story?: Placement } & OriginalOutcome)
  /** The same normalised content was already stored; the new source was recorded on it. */
  | { status: 'duplicate'; id: string }
  /** Stored as a link to the first article (`duplicate_of`), not as a new article. */
  | ({ status: 'near-duplicate'; id: string; duplicateOf: string; similarity: number } & OriginalOutcome);

/** Set on a new article's outcome only when an original page was given with it. */
export interface OriginalOutcome {
  /** Why the original page could not be stored (the article was stored all the same). */
  originalError?: string;
}

/** The page an article was read from, as given to the store. */
export interface ArticleOriginalInput {
  /** The decoded page: HTML markup or a text dump, exactly as it was read. */
  readonly content: string;
  readonly contentType?: string | null;
  /** The character encoding the bytes were decoded from. */
  readonly encoding?: string | null;
  /** `html` or `text`, as ingestion saw it. */
  readonly format?: string | null;
  /** ISO timestamp when the page was read or fetched. */
  readonly fetchedAt?: string | null;
}

/** A stored original page. */
export interface ArticleOriginal {
  readonly articleId: string;
  /** The page text, cut at ORIGINAL_MAX_BYTES of UTF-8 when `truncated`. */
  readonly content: string;
  readonly contentType: string | null;
  readonly encoding: string | null;
  readonly format: string | null;
  readonly fetchedAt: string | null;
  /** The page was longer than the cap and its tail was not stored. */
  readonly truncated: boolean;
}

export interface AddOptions {
  /** The page the article was read from: stored with a new article in the same transaction. */
  original?: ArticleOriginalInput;
  /** Place a new article in a story in the same transaction (see `placeArticle`). */
  place?: boolean;
}

export interface StoredArticle {
  readonly doc: Doc;
  /** ISO 8601 timestamp of the first add. */
  readonly addedAt: string;
  /** Id of the article this one nearly duplicates, or null for an article in its own right. */
  readonly duplicateOf: string | null;
  /** Every place the text was read from, first first (`doc.source` is the first). */
  readonly sources: DocSource[];
}

export interface SearchHit {
  readonly id: string;
  readonly title: string | null;
  /** Text around the matches, each match wrapped in SNIPPET_MARK (`**word**`). */
  readonly snippet: string;
  /** ts_rank with title words weighted above body words; higher is better. */
  readonly rank: number;
}

export interface ListOptions {
  /** Default: all. */
  limit?: number;
  offset?: number;
  /** Include near-duplicates (rows with duplicateOf set). Default false. */
  includeDuplicates?: boolean;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /** The database connection, for the job queue that shares it (pg-boss on PGlite). */
  readonly sql: SqlClient;
  /** Where the database is, for messages (`host:port/db` or the PGlite folder). */
  readonly location: string;
  /** Store an article once: exact repeats and near-duplicates are linked, never stored as new articles. */
  addDoc(doc: Doc, options?: AddOptions): Promise<AddOutcome>;
  /** By full id or a unique prefix of at least 6 hex digits (`a_` optional); null when none matches. */
  getArticle(idOrPrefix: string): Promise<StoredArticle | null>;
  /** Articles in the order they were added. */
  listArticles(opts?: ListOptions): Promise<StoredArticle[]>;
  /** These articles (full ids), in the order given; ids not stored are left out. */
  getArticles(ids: readonly string[]): Promise<StoredArticle[]>;
  /** Number of articles, near-duplicates excluded unless asked for. */
  countArticles(opts?: { includeDuplicates?: boolean }): Promise<number>;
  /** Full-text search (websearch syntax: words, "phrases", -excluded, or) over titles and bodies, best first. */
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  /** Replace the stored annotation layers of an article (full id). */
  updateLayers(id: string, layers: Doc['layers']): Promise<void>;
  /**
   * Place a stored article in a story through the shared story index (idempotent: a placed
   * article keeps its story). Near-duplicates are not placed.
   */
  placeArticle(articleId: string): Promise<Placement>;
  /** Ids of stored articles (near-duplicates aside) not yet placed in a story, in the order they were added. */
  unplacedArticles(limit: number): Promise<string[]>;
  /** Stories and their article ids, in the order the stories began; articles not yet grouped are left out. */
  listStories(): Promise<{ id: string; articles: string[] }[]>;
  /** One story's state (also an absorbed one, with `mergedInto`), or null. */
  storyRecord(storyId: string): Promise<StoryRecord | null>;
  /** Live stories in the order they began (or the most recently changed, or the largest, first), a page at a time, without their articles. */
  listStoryRecords(page?: { limit?: number; offset?: number; order?: 'created' | 'changed' | 'size' }): Promise<StoryRecord[]>;
  countStories(): Promise<number>;
  /** Stories changed since their latest build, least recently changed first. */
  staleStories(limit: number): Promise<StoryRecord[]>;
  /** Article ids of a story in the order they were added. */
  storyArticleIds(storyId: string): Promise<string[]>;
  /** Article ids of several stories, each in the order they were added. */
  storyArticles(storyIds: readonly string[]): Promise<Map<string, string[]>>;
  /** The story an article is in, or null. */
  storyOfArticle(articleId: string): Promise<string | null>;
  /** Story ids of these articles (those placed). */
  storiesOfArticles(articleIds: readonly string[]): Promise<Map<string, string>>;
  /** Mark a story changed, so it is rebuilt (an override was recorded). */
  touchStory(storyId: string): Promise<void>;
  /** Store a build of a story covering its change `coversSeq`; returns its version. */
  saveStoryBuild(build: StoryBuildInput): Promise<{ version: number; builtAt: string }>;
  /** Version, time and coverage of the latest build of a story, without its data. */
  latestStoryBuildHead(storyId: string): Promise<Omit<StoryBuild, 'data'> | null>;
  /** The latest build of a story, or null when none is stored. */
  latestStoryBuild(storyId: string): Promise<StoryBuild | null>;
  /** Record a change for the live stream (the story builder reports new contradictions and stances this way). */
  recordChanges(changes: readonly { kind: Change['kind']; storyId?: string | null; articleId?: string | null; data?: Record<string, unknown> }[]): Promise<void>;
  /** Changes logged after `seq`, oldest first. */
  changesSince(seq: number, limit: number): Promise<Change[]>;
  /** The position of the latest logged change. */
  latestChange(): Promise<number>;
  /** Record an analyst's merge or split of two entity names (in one story, or everywhere when storyId is null). */
  addEntityOverride(override: EntityOverride): Promise<void>;
  /** Overrides for a story (and the global ones), oldest first. */
  listEntityOverrides(storyId?: string | null): Promise<EntityOverride[]>;
  /** Store (or replace) the original page of a stored article (full id); it is capped at ORIGINAL_MAX_BYTES. */
  setOriginal(articleId: string, original: ArticleOriginalInput): Promise<{ truncated: boolean }>;
  /** The original page of an article (full id), or null when none was kept. */
  getOriginal(articleId: string): Promise<ArticleOriginal | null>;
  close(): Promise<void>;
}

/** A new build of a story, with the changes it brings (new contradictions, changed stances) for the change log. */
export interface StoryBuildInput {
  readonly storyId: string;
  readonly coversSeq: number;
  readonly articleCount: number;
  readonly buildMs: number;
  readonly format: number;
  readonly data: string;
  readonly title: string | null;
  readonly changes?: readonly { kind: Change['kind']; data: Record<string, unknown> }[];
}

export interface EntityOverride {
  readonly storyId: string | null;
  readonly kind: 'merge' | 'unmerge';
  readonly a: string;
  readonly b: string;
  readonly createdAt?: string;
}
