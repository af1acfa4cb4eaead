/**
 * `fetch`: fetch one URL (a page, or a feed whose items become articles) and
 * queue an `article` job for each article in it. A timeout, a refused
 * connection or a server error is retried with backoff; a page that is not
 * an article (404, wrong type, private address) is reported, not retried.
 */
import { ingest } from '../../ingest/index.js';
import { type IngestError, type RawPage } from '../../core/index.js';
import { claimHostSlot, extendHostSlot } from '../../store/index.js';
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

/** The last request of this process to each host, so that its requests to one host go one at a time. */
const inFlight = new Map<string, Promise<void>>();

/**
 * Send requests to the URL's host politely: one at a time in this process, each in its turn of
 * the slots shared by every worker, and the next turn at least the spacing after this request
 * was answered (slots alone space the starts as planned, and a request that leaves late would
 * otherwise reach the host just before the next one).
 */
export async function politely<T>(ctx: JobContext, url: string, request: () => Promise<T>): Promise<T> {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return request();
  }
  const previous = inFlight.get(host) ?? Promise.resolve();
  let done!: () => void;
  const turn = new Promise<void>((resolve) => { done = resolve; });
  inFlight.set(host, turn);
  await previous;
  try {
    const wait = await claimHostSlot(ctx.store.sql, host, ctx.fetch.hostSpacingMs);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return await request();
  } finally {
    await extendHostSlot(ctx.store.sql, host, ctx.fetch.hostSpacingMs).catch(() => undefined);
    if (inFlight.get(host) === turn) inFlight.delete(host);
    done();
  }
}

export async function handleFetch(ctx: JobContext, job: FetchJob): Promise<FetchOutcome> {
  const articles: ArticleJob[] = [];
  const failures: FetchOutcome['failures'][number][] = [];
  const options = {
    allowPrivateAddresses: job.allowPrivateAddresses ?? false,
    fetchLinked: job.fetchLinked ?? false,
    ...(ctx.fetch.timeoutMs ? { timeoutMs: ctx.fetch.timeoutMs } : {}),
    ...(ctx.fetch.maxBytes ? { maxBytes: ctx.fetch.maxBytes } : {}),
  };
  await politely(ctx, job.url, async () => {
    for await (const result of ingest([job.url], options)) {
      if (result.ok) {
        articles.push({ input: result.input === job.url ? job.input : result.input, page: result.page as RawPage, ...(job.strict ? { strict: true } : {}) });
        continue;
      }
      // The URL itself could not be fetched for a passing reason: let the queue retry the job (unattended work only).
      if (job.retryTransient && result.input === job.url && isTransient(result.error)) throw result.error;
      failures.push({ input: result.input, code: result.error.code, message: result.error.message });
    }
  });
  const articleJobs = await ctx.queue.sendMany(QUEUES.article, articles);
  return { articleJobs, failures };
}
