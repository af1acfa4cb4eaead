/**
 * The jobs Parallax runs, their payloads and what each leaves as its output.
 * Payloads are plain JSON (they live in the queue's table until done).
 */
import type { RawPage } from '../core/index.js';

/** Queue names (pg-boss queues; one table partition each). */
export const QUEUES = {
  /** Fetch a URL and queue an `article` job for each article it holds. */
  fetch: 'fetch',
  /** Extract and annotate one read page, store the article and place it in a story. */
  article: 'article',
  /** Place a stored article that has no story yet (stored by an earlier release). */
  place: 'place',
  /** Rebuild one story's analysis and store it. */
  rebuild: 'rebuild',
  /** Poll one feed (conditional request) and queue its new items. */
  feed: 'feed',
  /** Jobs that failed every retry, with the reason. */
  dead: 'dead',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Where an input came from, to label outcomes. */
export interface JobOrigin {
  /** The input as the user gave it (a path, `file#item`, a URL). */
  readonly input: string;
  /** `--strict`: an article with warnings (a cut record, repaired bytes) fails instead of being stored. */
  readonly strict?: boolean;
}

export interface ArticleJob extends JobOrigin {
  readonly page: RawPage;
}

export interface FetchJob extends JobOrigin {
  readonly url: string;
  /** For feeds: fetch the page each item links to. */
  readonly fetchLinked?: boolean;
  /** Let the fetch reach loopback and private addresses (the SSRF guard off). */
  readonly allowPrivateAddresses?: boolean;
  /**
   * Retry later when the network or the server fails (timeout, refused connection, HTTP 5xx):
   * for unattended work (feeds, queued adds). Someone waiting at a terminal is told at once instead.
   */
  readonly retryTransient?: boolean;
}

export interface PlaceJob {
  readonly articleId: string;
}

export interface RebuildJob {
  readonly storyId: string;
}

export interface FeedJob {
  readonly url: string;
  readonly fetchLinked?: boolean;
  readonly allowPrivateAddresses?: boolean;
}

/** A warning an article carries (ingest or analysis), as the CLI prints it. */
export interface JobWarning { readonly code: string; readonly reason: string }

/** What an `article` job did, kept as its output (printed by `parallax add --wait`). */
export type ArticleOutcome =
  | { readonly input: string; readonly status: 'added'; readonly id: string; readonly storyId: string; readonly newStory: boolean; readonly title: string | null; readonly originalError?: string; readonly warnings?: readonly JobWarning[] }
  | { readonly input: string; readonly status: 'duplicate'; readonly id: string; readonly title: string | null }
  | { readonly input: string; readonly status: 'near-duplicate'; readonly id: string; readonly duplicateOf: string; readonly title: string | null; readonly originalError?: string; readonly warnings?: readonly JobWarning[] }
  /** The input holds no article, or one that cannot be stored: not retried. */
  | { readonly input: string; readonly status: 'failed'; readonly code: string; readonly message: string };

/** What a `fetch` or `feed` job did: the article jobs it queued, and the inputs that failed. */
export interface FetchOutcome {
  readonly articleJobs: readonly string[];
  readonly failures: readonly { input: string; code: string; message: string }[];
  /** Feeds: the server said nothing changed (HTTP 304), or the items it held that were new. */
  readonly notModified?: boolean;
  readonly newItems?: number;
}
