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
import type { Library } from '../workflow/index.js';
import type { ReadOutcome } from './read-request.js';

export interface IngestResult {
  readonly added: string[];
  readonly duplicates: { input: string; id: string; status: 'duplicate' | 'near-duplicate'; duplicateOf?: string }[];
  readonly failures: { input: string; code: string; message: string }[];
  /** Jobs not finished by the deadline (the answer is then 202). */
  readonly pending: string[];
}

export interface Ingestion {
  add(outcomes: readonly ReadOutcome[]): Promise<IngestResult>;
}

/** How long a request waits for its jobs and rebuilds before answering 202. */
export const DEFAULT_INGEST_DEADLINE_MS = 60_000;
const STORY_POLL_MS = 100;

function failuresOf(outcomes: readonly ReadOutcome[]): IngestResult['failures'] {
  return outcomes.flatMap((o) => (o.ok ? [] : [{ input: o.input, code: o.error.code, message: o.error.message }]));
}

/** The steps in the request itself: annotate, store and place each article, then rebuild the stories touched. */
export function inlineIngestion(library: () => Promise<Library>): Ingestion {
  return {
    async add(outcomes) {
      const lib = await library();
      const result: IngestResult = { added: [], duplicates: [], failures: failuresOf(outcomes), pending: [] };
      const touched = new Set<string>();
      try {
        for (const outcome of outcomes) {
          if (!outcome.ok) continue;
          const added = await lib.add(outcome.doc, { original: outcome.page });
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
      const result: IngestResult = { added: [], duplicates: [], failures: failuresOf(outcomes), pending: [] };
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
          result.failures.push({ input: pages[ids.indexOf(id)]!.input, code: String(status.output?.['code'] ?? 'E_JOB_FAILED'), message: String(status.output?.['message'] ?? 'the job failed') });
          continue;
        }
        const out = status.output as ArticleOutcome;
        if (out.status === 'added') { result.added.push(out.id); touched.add(out.storyId); }
        else if (out.status === 'duplicate') result.duplicates.push({ input: out.input, id: out.id, status: 'duplicate' });
        else if (out.status === 'near-duplicate') result.duplicates.push({ input: out.input, id: out.id, status: 'near-duplicate', duplicateOf: out.duplicateOf });
        else result.failures.push({ input: out.input, code: out.code, message: out.message });
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
