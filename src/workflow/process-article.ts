/**
 * The per-article work, in one place: extract a read page and annotate the
 * article. The job workers, `parallax add`, the API and `analyze` all go
 * through these functions, so a worker-thread pool can take the work over by
 * replacing them alone.
 */
import { ExtractError, ParallaxError, describeError, type Doc, type Pipeline, type RawPage } from '../core/index.js';
import { extractArticle } from '../extract/index.js';
import { createArticlePipeline } from '../annotate/index.js';

export type ProcessedArticle =
  | { readonly ok: true; readonly doc: Doc }
  | { readonly ok: false; readonly error: ParallaxError };

let shared: Pipeline | undefined;

/** The per-article annotation pipeline, built once per process (its models load once). */
function pipeline(): Pipeline {
  shared ??= createArticlePipeline();
  return shared;
}

/** True when an article carries the layers the story stages read. */
export function isAnnotated(doc: Doc): boolean {
  return Boolean(doc.layers.entities && doc.layers.events);
}

/** Annotate one article (tokens, entities, times, quotes, events); an annotated one is returned as it is. */
export function annotateArticle(doc: Doc): Doc {
  return isAnnotated(doc) ? doc : pipeline().run(doc);
}

/** The article of a read page, its ingest warnings kept as messages. */
export function extractPage(page: RawPage & { warnings?: readonly { code: string; reason: string }[] }, input: string): ProcessedArticle {
  try {
    const doc = extractArticle(page);
    // Problems ingestion fixed (a wrong declared charset) travel with the article, for the user to see.
    const warnings = (page.warnings ?? []).map((w) => ({ level: 'warning' as const, code: w.code, reason: w.reason, stage: 'ingest' }));
    return { ok: true, doc: warnings.length ? { ...doc, messages: [...warnings, ...doc.messages] } : doc };
  } catch (err) {
    const error = err instanceof ParallaxError ? err : new ExtractError('E_EXTRACT_FAILED', `${input}: extraction failed: ${describeError(err)}`, { cause: err });
    return { ok: false, error };
  }
}

/**
 * Extract and annotate one read page: everything an article needs before it is stored.
 * A page that holds no article is an `ok: false` result naming the input, never a throw.
 */
export async function processArticle(page: RawPage, input: string): Promise<ProcessedArticle> {
  const extracted = extractPage(page, input);
  if (!extracted.ok) return extracted;
  return { ok: true, doc: annotateArticle(extracted.doc) };
}
