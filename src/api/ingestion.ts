/**
 * How `POST /api/articles` turns read articles into stored, placed articles in
 * built stories. With a job queue (`parallax serve`), the articles become
 * `article` jobs run by the workers (in this process on PGlite, any worker on
 * PostgreSQL) and the request waits for them and for their stories' rebuilds,
 * up to a deadline; past it the answer is 202 with the jobs still running.
 * Without one (the app embedded in a test or a script), the same steps run
 * in the request.
 */
import type { JobQueue, ArticleOutcome } from '../jobs/index.js';
import { QUEUES } from '../jobs/index.js';
import { ParallaxError, type Doc } from '../core/index.js';
import { annotateArticle, warningsOf, type Library } from '../workflow/index.js';
import type { ReadOutcome } from './read-request.js';
import { ApiError, apiErrorFor } from './errors.js';

export interface IngestResult {
  readonly added: string[];
  readonly duplicates: { input: string; id: string; status: 'duplicate' | 'near-duplicate'; duplicateOf?: string }[];
  readonly failures: { input: string; code: string; message: string }[];
  /** Warnings the stored articles carry (a cut record, repaired bytes, a capped analysis). */
  readonly warnings: { input: string; code: string; message: string }[];
  /** The failures as errors, the first one answering a request that stored nothing. */
  readonly errors: ParallaxError[];
  /** Jobs not finished by the deadline (the answer is then 202). */
  readonly pending: string[];
}

export interface Ingestion {
  /** `signal`: the request's deadline; analysis still running when it aborts fails with `E_DEADLINE`. */
  add(outcomes: readonly ReadOutcome[], signal?: AbortSignal): Promise<IngestResult>;
}

/** How long a request waits for its jobs and rebuilds before answering 202. */
export const DEFAULT_INGEST_DEADLINE_MS = 60_000;
const STORY_POLL_MS = 100;

/** An empty result holding the inputs that could not be read. */
function resultOf(outcomes: readonly ReadOutcome[]): IngestResult {
  const result: IngestResult = { added: [], duplicates: [], failures: [], warnings: [], errors: [], pending: [] };
  for (const o of outcomes) if (!o.ok) fail(result, o.input, o.error);
  return result;
}

function fail(result: IngestResult, input: string, error: ParallaxError): void {
  result.failures.push({ input, code: error.code, message: error.message });
  result.errors.push(error);
}

/**
 * The steps in the request itself: extract and annotate each article on the analysis pool (never on
 * the event loop), store and place it, then rebuild the stories touched.
 */
export function inlineIngestion(library: () => Promise<Library>): Ingestion {
  return {
    async add(outcomes, signal) {
      const lib = await library();
      const result = resultOf(outcomes);
      const touched = new Set<string>();
      try {
        for (const outcome of outcomes) {
          if (!outcome.ok) continue;
          let doc: Doc;
          try {
            doc = await annotateArticle(outcome.page, { name: outcome.input, ...(signal ? { signal } : {}) });
          } catch (err) {
            fail(result, outcome.input, err instanceof ParallaxError ? err : new ApiError(500, 'E_INTERNAL', 'internal error: the article could not be analysed'));
            continue;
          }
          const { warnings: _read, ...page } = outcome.page;
          const added = await lib.add(doc, { original: page });
          for (const w of warningsOf(doc)) result.warnings.push({ input: outcome.input, code: w.code, message: w.reason });
          if (added.status === 'added') { result.added.push(added.id); if (added.storyId) touched.add(added.storyId); }
          else if (added.status === 'duplicate') result.duplicates.push({ input: outcome.input, id: added.id, status: 'duplicate' });
          else result.duplicates.push({ input: outcome.input, id: added.id, status: 'near-duplicate', duplicateOf: added.duplicateOf });
        }
      } finally {
        // Even when an add failed half-way: the stories of the ones before it are rebuilt.
        for (const storyId of touched) await lib.rebuild(storyId);
      }
      return result;
    },
  };
}

/** The articles as jobs for the workers; the request waits for them and for their stories, up to the deadline. */
export function queuedIngestion(queue: JobQueue, deadlineMs: number = DEFAULT_INGEST_DEADLINE_MS): Ingestion {
  return {
    async add(outcomes) {
      const started = Date.now();
      const result = resultOf(outcomes);
      const pages = outcomes.flatMap((o) => (o.ok ? [{ input: o.input, page: o.page }] : []));
      const ids = await queue.sendMany(QUEUES.article, pages);
      const touched = new Set<string>();
      let statuses;
      try {
        statuses = await queue.waitFor(ids, { timeoutMs: deadlineMs });
      } catch {
        statuses = await queue.status(ids);
      }
      for (const id of ids) {
        const status = statuses.get(id);
        if (!status || (status.state !== 'completed' && status.state !== 'failed')) { result.pending.push(id); continue; }
        if (status.state === 'failed') {
          fail(result, pages[ids.indexOf(id)]!.input, apiErrorFor(String(status.output?.['code'] ?? 'E_JOB_FAILED'), String(status.output?.['message'] ?? 'the job failed')));
          continue;
        }
        const out = status.output as ArticleOutcome;
        if (out.status === 'added' || out.status === 'near-duplicate') for (const w of out.warnings ?? []) result.warnings.push({ input: out.input, code: w.code, message: w.reason });
        if (out.status === 'added') { result.added.push(out.id); touched.add(out.storyId); }
        else if (out.status === 'duplicate') result.duplicates.push({ input: out.input, id: out.id, status: 'duplicate' });
        else if (out.status === 'near-duplicate') result.duplicates.push({ input: out.input, id: out.id, status: 'near-duplicate', duplicateOf: out.duplicateOf });
        else fail(result, out.input, apiErrorFor(out.code, out.message));
      }
      // The new articles' stories: answer once they are built with them (or at the deadline).
      for (const storyId of touched) {
        let current: string | null = storyId;
        while (current && Date.now() - started < deadlineMs) {
          const record = await queue.store.storyRecord(current);
          if (!record) break;
          if (record.mergedInto) { current = record.mergedInto; continue; }
          if (!record.stale) break;
          await new Promise((resolve) => setTimeout(resolve, STORY_POLL_MS));
        }
      }
      return result;
    },
  };
}
