/**
 * `feed`: poll one feed with a conditional request (If-None-Match,
 * If-Modified-Since from the last answer), and queue its new items: as
 * articles from the item's own content, or, with `fetchLinked`, as fetches of
 * the pages they link to. Items already queued by an earlier poll are skipped.
 */
import { Readable } from 'node:stream';
import { contentId, describeError, IngestError, type RawPage } from '../../core/index.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT, fetchUrl, ingest } from '../../ingest/index.js';
import { FeedRegistry } from '../../store/index.js';
import type { JobContext } from '../context.js';
import { QUEUES, type ArticleJob, type FeedJob, type FetchJob, type FetchOutcome } from '../names.js';
import { isTransient, politely } from './fetch.js';

interface Item { readonly key: string; readonly input: string; readonly page: RawPage; readonly link: string | undefined }

export async function handleFeed(ctx: JobContext, job: FeedJob): Promise<FetchOutcome> {
  const registry = new FeedRegistry(ctx.store.sql);
  const known = await registry.get(job.url);
  const maxBytes = ctx.fetch.maxBytes ?? DEFAULT_MAX_BYTES;
  let answer;
  try {
    answer = await politely(ctx, job.url, () => fetchUrl(job.url, {
      timeoutMs: ctx.fetch.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes,
      maxRedirects: DEFAULT_MAX_REDIRECTS,
      userAgent: DEFAULT_USER_AGENT,
      allowPrivateAddresses: job.allowPrivateAddresses ?? false,
      conditional: { etag: known?.etag ?? null, lastModified: known?.lastModified ?? null },
    }));
  } catch (err) {
    const error = err instanceof IngestError ? err : new IngestError('E_FETCH', `${job.url}: ${describeError(err)}`, { cause: err });
    await registry.recordPoll(job.url, { status: 'error', error: error.message });
    if (isTransient(error)) throw error;
    return { articleJobs: [], failures: [{ input: job.url, code: error.code, message: error.message }] };
  }
  if (answer.notModified) {
    await registry.recordPoll(job.url, { status: '304' });
    return { articleJobs: [], failures: [], notModified: true };
  }

  const items: Item[] = [];
  const failures: FetchOutcome['failures'][number][] = [];
  let n = 0;
  for await (const result of ingest(['-'], { stdin: Readable.from([Buffer.from(answer.bytes)]), maxBytes, allowPrivateAddresses: job.allowPrivateAddresses ?? false })) {
    n++;
    const input = `${job.url}#${result.ok ? result.page.source.item ?? n : n}`;
    if (!result.ok) { failures.push({ input, code: result.error.code, message: result.error.message.replace(/^(-|standard input)/, job.url) }); continue; }
    const link = result.page.source.url ?? result.page.hints?.url;
    const page: RawPage = { ...result.page, source: { ...(link ? { url: link } : {}), item: input } };
    items.push({ key: link ?? contentId(page.content), input, page, link });
  }
  const fresh = await registry.newItems(job.url, items.map((i) => i.key));
  const queued = items.filter((i) => fresh.has(i.key));
  try {
    const toFetch = job.fetchLinked ? queued.filter((i) => i.link) : [];
    const toRead = queued.filter((i) => !toFetch.includes(i));
    const articleJobs = [
      ...(await ctx.queue.sendMany(QUEUES.article, toRead.map((i): ArticleJob => ({ input: i.input, page: i.page })))),
      ...(await ctx.queue.sendMany(QUEUES.fetch, toFetch.map((i): FetchJob => ({ input: i.input, url: i.link!, allowPrivateAddresses: job.allowPrivateAddresses ?? false, retryTransient: true })))),
    ];
    await registry.recordPoll(job.url, { status: '200', etag: answer.etag ?? null, lastModified: answer.lastModified ?? null });
    return { articleJobs, failures, newItems: queued.length };
  } catch (err) {
    // Not queued: offer the items again at the next poll.
    await registry.forgetItems(job.url, queued.map((i) => i.key));
    throw err;
  }
}
