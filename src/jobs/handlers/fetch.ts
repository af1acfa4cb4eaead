/**
 * `fetch`: fetch one URL (a page, or a feed whose items become articles) and
 * queue an `article` job for each article in it. A timeout, a refused
 * connection or a server error is retried with backoff; a page that is not
 * an article (404, wrong type, private address) is reported, not retried.
 */
import { ingest } from '../../ingest/index.js';
import { type IngestError, type RawPage } from '../../core/index.js';
import { claimHostSlot } from '../../store/index.js';
import type { JobContext } from '../context.js';
import { QUEUES, type ArticleJob, type FetchJob, type FetchOutcome } from '../names.js';

/** Codes of failures that may pass on their own (the network, an overloaded server). */
const TRANSIENT_CODES = new Set(['E_FETCH_TIMEOUT', 'E_FETCH', 'E_HOST_NOT_FOUND']);

/** True when trying again later may succeed. */
export function isTransient(error: IngestError): boolean {
  if (TRANSIENT_CODES.has(error.code)) return true;
  const status = (error as IngestError & { status?: number }).status;
  return error.code === 'E_HTTP_STATUS' && status !== undefined && (status >= 500 || status === 429);
}

/** Wait for this process's turn to send a request to the URL's host (shared by every worker). */
export async function politely(ctx: JobContext, url: string): Promise<void> {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return;
  }
  const wait = await claimHostSlot(ctx.store.sql, host, ctx.fetch.hostSpacingMs);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

export async function handleFetch(ctx: JobContext, job: FetchJob): Promise<FetchOutcome> {
  await politely(ctx, job.url);
  const articles: ArticleJob[] = [];
  const failures: FetchOutcome['failures'][number][] = [];
  const options = {
    allowPrivateAddresses: job.allowPrivateAddresses ?? false,
    fetchLinked: job.fetchLinked ?? false,
    ...(ctx.fetch.timeoutMs ? { timeoutMs: ctx.fetch.timeoutMs } : {}),
    ...(ctx.fetch.maxBytes ? { maxBytes: ctx.fetch.maxBytes } : {}),
  };
  for await (const result of ingest([job.url], options)) {
    if (result.ok) {
      articles.push({ input: result.input === job.url ? job.input : result.input, page: result.page as RawPage, ...(job.strict ? { strict: true } : {}) });
      continue;
    }
    // The URL itself could not be fetched for a passing reason: let the queue retry the job (unattended work only).
    if (job.retryTransient && result.input === job.url && isTransient(result.error)) throw result.error;
    failures.push({ input: result.input, code: result.error.code, message: result.error.message });
  }
  const articleJobs = await ctx.queue.sendMany(QUEUES.article, articles);
  return { articleJobs, failures };
}
