import type { DocSource } from './doc.js';

/** What the page is, as far as ingestion can tell; extraction picks its path from this. */
export type PageFormat = 'html' | 'text';

/**
 * Metadata that came with the input rather than from the page itself
 * (a feed item's title and date, a JSON Lines record's fields). Extraction
 * uses it when the page does not say better.
 */
export interface PageHints {
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
  readonly author?: string;
  readonly outlet?: string;
  readonly section?: string;
  readonly language?: string;
  /** Where the hints came from, for evidence. */
  readonly from: 'feed' | 'jsonl' | 'warc' | 'http';
}

/** One page as read from an input: decoded text, ready for extraction. */
export interface RawPage {
  readonly source: DocSource;
  readonly format: PageFormat;
  /** The decoded page: HTML markup or plain text. */
  readonly content: string;
  /** The character encoding the bytes were decoded from (`utf-8`, `windows-1256`, …). */
  readonly encoding: string;
  /** ISO timestamp when the input was read or fetched. */
  readonly fetchedAt: string;
  readonly contentType?: string;
  readonly hints?: PageHints;
}
