import type { Doc, RawPage } from '../core/index.js';
import type { ParallaxError } from '../core/index.js';
import { ingest, type IngestOptions } from '../ingest/index.js';
import { extractPage } from './process-article.js';

export type ReadResult =
  /** `page` is what the article was extracted from: keep it (`Library.add(doc, { original: page })`) to show the original later. */
  | { ok: true; input: string; doc: Doc; page: RawPage }
  | { ok: false; input: string; error: ParallaxError };

/**
 * Ingest and extract: one result per article found in the inputs, in order.
 * A bad input becomes an `ok: false` result naming it; it never stops the others.
 */
export async function* readArticles(inputs: readonly string[], options: IngestOptions = {}): AsyncGenerator<ReadResult> {
  for await (const result of ingest([...inputs], options)) {
    if (!result.ok) {
      yield { ok: false, input: result.input, error: result.error };
      continue;
    }
    const extracted = extractPage(result.page, result.input);
    yield extracted.ok ? { ok: true, input: result.input, doc: extracted.doc, page: result.page } : { ok: false, input: result.input, error: extracted.error };
  }
}
