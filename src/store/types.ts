import type { Doc, DocSource } from '../core/index.js';

export interface StoreConfig {
  /** PGlite data folder. Default: `PARALLAX_DB`, else `.parallax/db` under the working directory. */
  dataDir?: string;
  /** PostgreSQL connection URL. Default: `DATABASE_URL`. */
  databaseUrl?: string;
  /** PGlite in memory: nothing is written to disk (tests, one-off runs). */
  memory?: boolean;
}

export type AddOutcome =
  /** A new article. */
  | ({ status: 'added'; id: string } & OriginalOutcome)
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
  /** Store an article once: exact repeats and near-duplicates are linked, never stored as new articles. */
  addDoc(doc: Doc, options?: AddOptions): Promise<AddOutcome>;
  /** By full id or a unique prefix of at least 6 hex digits (`a_` optional); null when none matches. */
  getArticle(idOrPrefix: string): Promise<StoredArticle | null>;
  /** Articles in the order they were added. */
  listArticles(opts?: ListOptions): Promise<StoredArticle[]>;
  /** Number of articles, near-duplicates excluded unless asked for. */
  countArticles(opts?: { includeDuplicates?: boolean }): Promise<number>;
  /** Full-text search (websearch syntax: words, "phrases", -excluded, or) over titles and bodies, best first. */
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  /** Replace the stored annotation layers of an article (full id). */
  updateLayers(id: string, layers: Doc['layers']): Promise<void>;
  /** Record the story an article belongs to. */
  setStory(articleId: string, storyId: string): Promise<void>;
  /** Stories and their article ids, in the order their first article was added; articles not yet grouped are left out. */
  listStories(): Promise<{ id: string; articles: string[] }[]>;
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

export interface EntityOverride {
  readonly storyId: string | null;
  readonly kind: 'merge' | 'unmerge';
  readonly a: string;
  readonly b: string;
  readonly createdAt?: string;
}
