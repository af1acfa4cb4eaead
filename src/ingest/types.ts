import type { IngestError, RawPage } from '../core/index.js';
import type { IngestWarning } from './warnings.js';

export interface IngestOptions {
  /** RSS/Atom: fetch the page each item links to instead of using the item's own content (CLI `--fetch`). */
  readonly fetchLinked?: boolean;
  /** Largest input file or HTTP response body, in bytes. Default {@link DEFAULT_MAX_BYTES}. */
  readonly maxBytes?: number;
  /** Time allowed for one URL, redirects and body included. Default {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Redirects followed before giving up. Default {@link DEFAULT_MAX_REDIRECTS}. */
  readonly maxRedirects?: number;
  /** URLs fetched at once in all. Default {@link DEFAULT_CONCURRENCY}; never more than {@link MAX_PER_HOST} per host. */
  readonly concurrency?: number;
  readonly userAgent?: string;
  /**
   * Allow fetching loopback, private, link-local and unique-local addresses.
   * Default true (the CLI fetches what its user asks); the HTTP API passes false.
   */
  readonly allowPrivateAddresses?: boolean;
  /** Read for the input `-`. Default `process.stdin`. */
  readonly stdin?: NodeJS.ReadableStream;
}

/** Ten MiB: far above any real article page (~0.1–2 MB of HTML), low enough that a stray video or dump is refused before it fills memory. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Fifteen seconds: slow news sites answer within a few; beyond this the host is most likely down. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Five hops covers http→https→www→canonical chains; more is almost always a loop. */
export const DEFAULT_MAX_REDIRECTS = 5;
/** Four fetches at once keeps a batch moving without looking like a crawler. */
export const DEFAULT_CONCURRENCY = 4;
/** Politeness: no more than two requests in flight to one host, as browsers and well-behaved crawlers do. */
export const MAX_PER_HOST = 2;

/** A RawPage plus the recoverable problems found reading it (copy them into `doc.messages`). */
export interface IngestedPage extends RawPage {
  readonly warnings?: readonly IngestWarning[];
}

export type IngestResult =
  | { readonly ok: true; readonly input: string; readonly page: IngestedPage }
  | { readonly ok: false; readonly input: string; readonly error: IngestError };
