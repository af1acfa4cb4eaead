/** Where a metadata value was found, so the UI can show evidence. */
export type EvidenceSource =
  | 'json-ld'
  | 'meta'
  | 'html'
  | 'line'
  | 'url'
  | 'feed'
  | 'jsonl'
  | 'inferred';

export interface Evidence {
  readonly source: EvidenceSource;
  /** JSON-LD path, meta tag name, CSS-like selector, or `line N` (1-based) of the text dump. */
  readonly at: string;
  /** The raw text the value was read from, as printed. */
  readonly raw?: string;
}

export interface MetaField<T> {
  readonly value: T;
  readonly evidence: Evidence;
}

export type ArticleKind = 'news' | 'opinion' | 'analysis' | 'other';

export interface ArticleMeta {
  readonly title?: MetaField<string>;
  readonly outlet?: MetaField<string>;
  /** Authors as printed, "First Last". */
  readonly authors?: MetaField<string[]>;
  /** ISO 8601 at the precision the page supports: `2025`, `2025-03-12`, `2025-03-12T14:58`. */
  readonly published?: MetaField<string>;
  readonly modified?: MetaField<string>;
  readonly section?: MetaField<string>;
  readonly kind?: MetaField<ArticleKind>;
  /** BCP 47 language tag, e.g. `en`. */
  readonly language?: MetaField<string>;
  readonly dateline?: MetaField<string>;
  readonly description?: MetaField<string>;
  readonly url?: MetaField<string>;
}

/** The plain value of a metadata field, or null. */
export function metaValue<T>(field: MetaField<T> | undefined): T | null {
  return field ? field.value : null;
}
