/**
 * The per-article work, in one place: extract a read page and annotate the
 * article. The job workers, `parallax add`, the API and `analyze` all go
 * through these functions; the annotation itself runs on the worker-thread
 * pool (see annotate-pool.ts), so a heavy article never stalls the caller.
 */
import { ParallaxError, StageError, ExtractError, describeError, type Doc } from '../core/index.js';
import type { IngestedPage } from '../ingest/index.js';
import { annotateArticle } from './annotate-pool.js';
import { docFromPage } from './page-to-doc.js';

export type ProcessedArticle =
  | { readonly ok: true; readonly doc: Doc }
  | { readonly ok: false; readonly error: ParallaxError };

/** True when an article carries the layers the story stages read. */
export function isAnnotated(doc: Doc): boolean {
  return Boolean(doc.layers.entities && doc.layers.events);
}

/** The article with its layers: annotated on the pool (tokens, parse, entities, references, times, quotes, events) unless it already is. */
export async function annotated(doc: Doc, options: { name?: string } = {}): Promise<Doc> {
  return isAnnotated(doc) ? doc : annotateArticle(doc, options);
}

/** The article of a read page, its ingest warnings kept as messages; a page with no article is an `ok: false` naming the input. */
export function extractPage(page: IngestedPage, input: string): ProcessedArticle {
  try {
    return { ok: true, doc: docFromPage(page) };
  } catch (err) {
    const error = err instanceof ParallaxError ? err : new ExtractError('E_EXTRACT_FAILED', `${input}: extraction failed: ${describeError(err)}`, { cause: err });
    return { ok: false, error };
  }
}

/**
 * Extract and annotate one read page: everything an article needs before it is stored.
 * A page that holds no article, or whose analysis fails, is an `ok: false` result naming the input, never a throw.
 */
export async function processArticle(page: IngestedPage, input: string): Promise<ProcessedArticle> {
  const extracted = extractPage(page, input);
  if (!extracted.ok) return extracted;
  try {
    return { ok: true, doc: await annotated(extracted.doc, { name: input }) };
  } catch (err) {
    return { ok: false, error: err instanceof ParallaxError ? err : new StageError('E_STAGE_FAILED', `${input}: ${describeError(err)}`) };
  }
}
