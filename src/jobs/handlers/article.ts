/**
 * `article`: extract and annotate one read page, then store the article and
 * place it in a story in one transaction, and ask for its story's rebuild.
 * Run twice, it stores nothing twice: the second run finds the article stored
 * (same content id) and reports a duplicate.
 */
import { StoreError } from '../../core/index.js';
import { processArticle, originalOf, strictFailure, warningsOf, type ProcessedArticle } from '../../workflow/index.js';
import type { JobContext } from '../context.js';
import type { ArticleJob, ArticleOutcome } from '../names.js';

/** Store errors that say the article itself cannot be stored: retrying would fail the same way. */
const PERMANENT_STORE_ERRORS = new Set(['E_UNSTORABLE_TEXT', 'E_DOC_ID_MISMATCH']);

/** Extract and annotate the job's page (annotation runs on the analysis pool): the first half of {@link handleArticle}. */
export function prepareArticle(job: ArticleJob): Promise<ProcessedArticle> {
  return processArticle(job.page, job.input);
}

/**
 * Run one article job. `prepared` is its {@link prepareArticle}, when the worker started it ahead
 * (while it stored the job before), else it is started here.
 */
export async function handleArticle(ctx: JobContext, job: ArticleJob, prepared?: Promise<ProcessedArticle>): Promise<ArticleOutcome> {
  const processed = await (prepared ?? prepareArticle(job));
  if (!processed.ok) return { input: job.input, status: 'failed', code: processed.error.code, message: processed.error.message };
  const { doc } = processed;
  const warnings = warningsOf(doc).map((w) => ({ code: w.code, reason: w.reason }));
  if (job.strict && warnings.length > 0) {
    const error = strictFailure(job.input, doc);
    return { input: job.input, status: 'failed', code: error.code, message: error.message };
  }
  const warned = warnings.length ? { warnings } : {};
  const title = doc.meta.title?.value ?? null;
  let outcome;
  try {
    outcome = await ctx.store.addDoc(doc, { original: originalOf(job.page), place: true });
  } catch (err) {
    if (err instanceof StoreError && PERMANENT_STORE_ERRORS.has(err.code)) return { input: job.input, status: 'failed', code: err.code, message: err.message };
    throw err;
  }
  const originalError = outcome.status !== 'duplicate' && outcome.originalError ? { originalError: outcome.originalError } : {};
  if (outcome.status === 'duplicate') return { input: job.input, status: 'duplicate', id: outcome.id, title };
  if (outcome.status === 'near-duplicate') return { input: job.input, status: 'near-duplicate', id: outcome.id, duplicateOf: outcome.duplicateOf, title, ...originalError, ...warned };
  const story = outcome.story!;
  await ctx.queue.requestRebuild(story.storyId);
  return { input: job.input, status: 'added', id: outcome.id, storyId: story.storyId, newStory: story.isNew, title, ...originalError, ...warned };
}
