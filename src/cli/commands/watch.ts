import type { CliIO } from '../io.js';
import { writeLine } from '../io.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import type { StoreFlags } from '../store-options.js';
import { listenForStop } from '../stop-signal.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { parseInterval, readFeedList } from '../feed-list.js';
import { FeedRegistry } from '../../store/index.js';
import { QUEUES, type FeedJob, type FetchOutcome, type JobStatus } from '../../jobs/index.js';

export interface WatchFlags extends StoreFlags { every?: string; once?: boolean; fetch?: boolean; workers?: number }

/** Fifteen minutes: news feeds change every few minutes to hours; more often is impolite to most sites. */
const DEFAULT_EVERY = '15m';
/** How often the schedule is checked for due feeds (at most: sooner when the interval is shorter). */
const TICK_MS = 5_000;

/**
 * `parallax watch <feeds…>`: follow feeds (URLs, OPML files, or files with one URL per line),
 * polling each on a schedule with conditional requests; new items flow through the jobs
 * (read, annotate, place, rebuild) and the change stream. `--once` polls each feed once and
 * waits for its items. Workers run in this process unless `--workers 0` (PostgreSQL, with
 * `parallax worker` processes elsewhere).
 */
export async function runWatch(inputs: string[], flags: WatchFlags, io: CliIO): Promise<number> {
  const urls = await readFeedList(inputs);
  const interval = parseInterval(flags.every ?? DEFAULT_EVERY);
  const workers = flags.workers ?? 1;
  const runtime = await openRuntime(flags, io, { work: workers === 0 ? 'embedded' : 'always', concurrency: Math.max(1, workers) });
  const registry = new FeedRegistry(runtime.store.sql);
  try {
    await registry.follow(urls, interval);
    const job = (url: string): FeedJob => ({ url, fetchLinked: Boolean(flags.fetch), allowPrivateAddresses: true });
    if (flags.once) return await pollOnce(runtime, urls.map(job), io);
    const stop = listenForStop();
    writeLine(io.stderr, `parallax: watching ${urls.length} feeds every ${interval} s in ${runtime.store.location} (Ctrl-C to stop)`);
    try {
      await watchUntilStopped(runtime, registry, urls, interval, job, stop, io);
    } finally {
      stop.release();
    }
    return EXIT_OK;
  } finally {
    await runtime.close();
  }
}

/** Queue a poll of every feed that is due, tick after tick, until a stop signal. */
async function watchUntilStopped(
  runtime: Runtime, registry: FeedRegistry, urls: readonly string[], interval: number, job: (url: string) => FeedJob,
  stop: ReturnType<typeof listenForStop>, io: CliIO,
): Promise<void> {
  while (!stop.received) {
    for (const feed of await registry.takeDue(urls, 100)) {
      // One queued poll per feed at most: a slow feed is not polled twice at once.
      await runtime.queue.send(QUEUES.feed, job(feed.url), { singletonKey: feed.url });
      writeLine(io.stderr, `parallax: polling ${feed.url}${feed.lastStatus ? ` (last answer ${feed.lastStatus})` : ''}`);
    }
    // a tick, or the stop signal, whichever comes first
    await Promise.race([new Promise((resolve) => setTimeout(resolve, Math.min(TICK_MS, interval * 1000))), stop.stopped]);
  }
}

/** Poll each feed once and wait for its new items to be stored and their stories built. */
async function pollOnce(runtime: Runtime, jobs: readonly FeedJob[], io: CliIO): Promise<number> {
  let failed = 0;
  let added = 0;
  let waiting: string[] = [];
  for (const job of jobs) {
    const id = await runtime.queue.send(QUEUES.feed, job, { singletonKey: job.url });
    if (id) waiting.push(id);
  }
  while (waiting.length > 0) {
    const next: string[] = [];
    await runtime.queue.waitFor(waiting, {
      onDone: (status: JobStatus) => {
        if (status.state !== 'completed') { failed++; writeLine(io.stderr, `parallax: ${status.input ?? status.queue}: ${String(status.output?.['message'] ?? 'failed')}`); return; }
        if (status.queue === QUEUES.article) {
          if (status.output?.['status'] === 'added') added++;
          if (status.output?.['status'] === 'failed') failed++;
          return;
        }
        const outcome = status.output as unknown as FetchOutcome;
        next.push(...outcome.articleJobs);
        for (const f of outcome.failures) { failed++; writeLine(io.stderr, `parallax: ${f.input}: ${f.message} [${f.code}]`); }
        if (status.queue === QUEUES.feed) writeLine(io.stderr, `parallax: ${status.input}: ${outcome.notModified ? 'not modified' : `${outcome.newItems ?? 0} new items`}`);
      },
    });
    waiting = next;
  }
  if (runtime.worker) await runtime.worker.untilIdle();
  writeLine(io.stderr, `parallax: ${added} articles added from ${jobs.length} feeds, ${failed} failed`);
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
