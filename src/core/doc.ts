import type { Span } from './span.js';
import type { ArticleMeta } from './meta.js';
import type { LayerMap } from './layers.js';

export interface Message {
  readonly level: 'info' | 'warning' | 'error';
  readonly code: string;
  readonly reason: string;
  readonly place?: Span;
  readonly stage: string;
}

/** Where an article came from. */
export interface DocSource {
  readonly path?: string;
  readonly url?: string;
  /** For inputs holding several articles (feed, JSONL, WARC): which one. */
  readonly item?: string;
}

/**
 * One article: the clean body text, never changed after extraction, and
 * annotations that point into it by offset.
 */
export interface Doc {
  /** Hash of the normalised content (see `contentId`). */
  readonly id: string;
  readonly text: string;
  readonly meta: ArticleMeta;
  readonly source: DocSource;
  readonly layers: Partial<LayerMap>;
  readonly messages: Message[];
}

/** A Doc known to carry the layers K. */
export type DocWith<K extends keyof LayerMap> = Doc & { readonly layers: Pick<LayerMap, K> & Partial<LayerMap> };
