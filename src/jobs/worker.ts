/**
 * A worker: loops that take jobs from the queue and run their handlers, one
 * job at a time per loop (an article loop starts the next article's analysis while it stores the one
 * before). Several loops (`concurrency`) overlap one article's
 * database round trips with another's annotation; several worker processes
 * (PostgreSQL) share the queue. A failed job is retried with backoff and, out
 * of retries, dead-lettered with the reason; a worker that dies leaves its
 * jobs to be retried. Besides jobs, a worker sweeps: stories left stale (their
 * rebuild request lost in a crash) are queued again, and articles stored
 * without a story are queued for placement.
 */
import { describeError } from '../core/index.js';
import { warmBackground } from '../story/cluster/index.js';
import { warmAnnotationPool, type ProcessedArticle } from '../workflow/index.js';
import type { Store } from '../store/index.js';
import type { JobContext, FetchSettings } from './context.js';
import { DEFAULT_HOST_SPACING_MS } from './context.js';
import { QUEUES, type ArticleJob, type QueueName } from './names.js';
import type { JobQueue } from './queue.js';
import { handleArticle, prepareArticle } from './handlers/article.js';
import { handleFetch } from './handlers/fetch.js';
import { handleFeed } from './handlers/feed.js';
import { handlePlace } from './handlers/place.js';
import { handleRebuild } from './handlers/rebuild.js';

type Handler = (ctx: JobContext, data: never) => Promise<object>;

const HANDLERS: Record<Exclude<QueueName, 'dead'>, Handler> = {
  article: handleArticle as Handler,
  fetch: handleFetch as Handler,
  feed: handleFeed as Handler,
  place: handlePlace as Handler,
  rebuild: handleRebuild as Handler,
};

/** Loops per queue and jobs taken per fetch, for concurrency 1: CPU-bound queues get one loop, network-bound ones several. */
const SHAPE: Record<Exclude<QueueName, 'dead'>, { loops: number; batch: number; scales: boolean }> = {
  article: { loops: 1, batch: 8, scales: true },
  fetch: { loops: 4, batch: 1, scales: false },
  feed: { loops: 2, batch: 1, scales: false },
  place: { loops: 1, batch: 16, scales: false },
  rebuild: { loops: 1, batch: 1, scales: false },
};

export interface WorkerOptions {
  /** Article loops in this process. Default 1. */
  readonly concurrency?: number;
  /** Queues to work (default all). */
  readonly queues?: readonly Exclude<QueueName, 'dead'>[];
  /**
   * How long an idle loop waits before asking for jobs again. Default 250 ms. The wait doubles while the
   * queue stays empty, up to 8 times this (2 s by default); a job this process queues is taken at once.
   */
  readonly pollMs?: number;
  /** How often stale stories and unplaced articles are swept up. Default 15 s. */
  readonly sweepMs?: number;
  /**
   * Share of this process's time rebuilds may take while its article loops have articles in hand
   * (0–1, default REBUILD_SHARE_WHILE_BUSY); with no article waiting, rebuilds run at full speed.
   */
  readonly rebuildShare?: number;
  readonly fetch?: Partial<FetchSettings>;
  /** Worker log lines (default: stderr). */
  readonly log?: (line: string) => void;
}

/**
 * While articles wait, rebuilds get this share of the process (one analysis thread serves both):
 * an article is stored and placed without waiting behind story builds, and the rebuilds a burst
 * asks for fold together (one queued rebuild per story) instead of one build per arriving
 * article. They never stop: a story stays at most a few builds behind while articles flow.
 */
const REBUILD_SHARE_WHILE_BUSY = 0.2;

/** An idle loop's longest wait between fetches, in poll intervals: other processes' jobs are taken within this. */
const IDLE_BACKOFF = 8;

/** How long `untilIdle` keeps asking a queue it cannot read before it gives up. */
const UNREADABLE_QUEUE_MS = 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Worker {
  private stopping = false;
  /** Aborted on stop: wakes the loops waiting for jobs. */
  private readonly stopped = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private sweeper: NodeJS.Timeout | undefined;
  private readonly ctx: JobContext;
  /** Jobs finished by this worker (completed or failed), per queue. */
  readonly done: Record<string, number> = {};
  /** Article loops whose last fetch found jobs: while any has, rebuilds yield (see REBUILD_SHARE_WHILE_BUSY). */
  private articleLoopsBusy = 0;

  private constructor(readonly store: Store, readonly queue: JobQueue, private readonly options: WorkerOptions) {
    const log = options.log ?? ((line: string) => process.stderr.write(`parallax worker: ${line}\n`));
    this.ctx = {
      store,
      queue,
      fetch: { hostSpacingMs: DEFAULT_HOST_SPACING_MS, ...options.fetch },
      log,
    };
  }

  /**
   * Start working. On PGlite the jobs left active by a process that died are retried at once
   * (one process holds the folder, so nothing else runs them).
   */
  static async start(store: Store, queue: JobQueue, options: WorkerOptions = {}): Promise<Worker> {
    const worker = new Worker(store, queue, options);
    // Before the first job: placing an article needs the word counts, and loading them inside the
    // placement would hold every worker's story-index lock (and this event loop) for seconds.
    warmAnnotationPool();
    warmBackground();
    if (store.kind === 'pglite') {
      const orphans = await queue.recoverOrphans();
      if (orphans > 0) worker.ctx.log(`retrying ${orphans} jobs left unfinished by a process that stopped`);
    }
    await worker.sweep();
    const concurrency = Math.max(1, options.concurrency ?? 1);
    for (const name of options.queues ?? (Object.keys(SHAPE) as (keyof typeof SHAPE)[])) {
      const shape = SHAPE[name];
      const loops = shape.scales ? concurrency : shape.loops;
      for (let i = 0; i < loops; i++) worker.loops.push(worker.loop(name, shape.batch));
    }
    const sweepMs = options.sweepMs ?? 15_000;
    worker.sweeper = setInterval(() => void worker.sweep().catch((err: unknown) => worker.ctx.log(`sweep failed: ${describeError(err)}`)), sweepMs);
    worker.sweeper.unref();
    return worker;
  }

  /** Resolve once no job waits or runs in any queue (checked every `pollMs`). */
  async untilIdle(options: { timeoutMs?: number } = {}): Promise<void> {
    const started = Date.now();
    // Two idle readings in a row: a job finishing may queue another (an article queues its rebuild).
    let idleReadings = 0;
    let failingSince: number | null = null;
    for (;;) {
      let idle = false;
      try {
        idle = await this.queue.idle(this.options.queues ?? undefined);
        failingSince = null;
      } catch (err) {
        // A database that stops answering for a while (a restart, a pool held up) is waited for; one gone for a minute is an error.
        failingSince ??= Date.now();
        if (Date.now() - failingSince > UNREADABLE_QUEUE_MS) throw err;
        this.ctx.log(`cannot read the queue, asking again: ${describeError(err)}`);
      }
      idleReadings = idle ? idleReadings + 1 : 0;
      if (idleReadings >= 2) break;
      if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs) throw new Error(`the queue was still busy after ${options.timeoutMs} ms`);
      await sleep(this.options.pollMs ?? 250);
    }
  }

  /** Finish the jobs in hand, then stop taking new ones. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    if (this.sweeper) clearInterval(this.sweeper);
    await Promise.all(this.loops);
  }

  private async loop(name: Exclude<QueueName, 'dead'>, batchSize: number): Promise<void> {
    const handler = HANDLERS[name];
    let busy = false;
    const setBusy = (now: boolean) => {
      if (name !== QUEUES.article || now === busy) return;
      busy = now;
      this.articleLoopsBusy += now ? 1 : -1;
    };
    // An idle loop asks less often the longer its queue stays empty (up to IDLE_BACKOFF times the
    // poll interval), and at once when this process queues a job there.
    let idleWait = 0;
    while (!this.stopping) {
      let jobs: { id: string; data: unknown }[];
      try {
        jobs = await this.queue.boss.fetch(name, { batchSize });
      } catch (err) {
        this.ctx.log(`cannot take ${name} jobs: ${describeError(err)}`);
        await sleep(1_000);
        continue;
      }
      setBusy(jobs.length > 0);
      if (jobs.length === 0) {
        const pollMs = this.options.pollMs ?? 250;
        idleWait = Math.min(pollMs * IDLE_BACKOFF, idleWait === 0 ? pollMs : idleWait * 2);
        await this.queue.whenSent(name, idleWait, this.stopped.signal);
        continue;
      }
      idleWait = 0;
      const started = performance.now();
      if (name === QUEUES.article) await this.runArticles(jobs);
      else for (const job of jobs) await this.run(name, job, () => handler(this.ctx, job.data as never));
      if (name === QUEUES.rebuild) await this.yieldToArticles(performance.now() - started);
    }
    setBusy(false);
  }

  /** After `spentMs` of rebuilding, wait while articles are in hand so rebuilds keep to their share of the time. */
  private async yieldToArticles(spentMs: number): Promise<void> {
    const share = Math.min(1, Math.max(0.01, this.options.rebuildShare ?? REBUILD_SHARE_WHILE_BUSY));
    const until = performance.now() + (spentMs * (1 - share)) / share;
    const step = Math.min(50, this.options.pollMs ?? 250);
    while (!this.stopping && this.articleLoopsBusy > 0 && performance.now() < until) await sleep(step);
  }

  /**
   * Article jobs in order, each one's analysis started while the one before is stored: the analysis
   * runs on the pool's thread and the store on this one, so the two overlap instead of taking turns.
   * Articles are still stored in the order taken.
   */
  private async runArticles(jobs: readonly { id: string; data: unknown }[]): Promise<void> {
    let next: Promise<ProcessedArticle> | undefined;
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      const prepared = next ?? prepareArticle(job.data as ArticleJob);
      const following = jobs[i + 1];
      next = following ? prepareArticle(following.data as ArticleJob) : undefined;
      // Awaited in the next turn, where its job fails if it failed; not a rejection left unhandled meanwhile.
      next?.catch(() => {});
      await this.run(QUEUES.article, job, () => handleArticle(this.ctx, job.data as ArticleJob, prepared));
    }
  }

  /** Run one job's work and record its end: completed with its output, or failed (retried, then dead-lettered). */
  private async run(name: Exclude<QueueName, 'dead'>, job: { id: string; data: unknown }, work: () => Promise<object>): Promise<void> {
    try {
      const output = await work();
      await this.queue.boss.complete(name, job.id, output);
    } catch (err) {
      const message = describeError(err);
      this.ctx.log(`${name} job ${job.id} failed: ${message}`);
      const code = (err as { code?: unknown }).code;
      // Retried with backoff; out of retries it moves to the dead-letter queue with this reason.
      await this.queue.boss.fail(name, job.id, { message, ...(typeof code === 'string' ? { code } : {}) }).catch((failErr: unknown) => {
        this.ctx.log(`cannot record the failure of ${name} job ${job.id} (it will be retried when it expires): ${describeError(failErr)}`);
      });
    }
    this.done[name] = (this.done[name] ?? 0) + 1;
  }

  /**
   * Queue the rebuilds a crash may have lost (stories changed a while ago and still stale) and
   * the placement of articles stored without a story.
   */
  private async sweep(): Promise<void> {
    if (!this.options.queues || this.options.queues.includes(QUEUES.rebuild) || this.options.queues.includes(QUEUES.article)) {
      const settleMs = (this.queue.rebuildDelaySeconds + 5) * 1000;
      for (const story of await this.store.staleStories(200)) {
        if (Date.now() - Date.parse(story.changedAt) > settleMs) await this.queue.requestRebuild(story.id);
      }
    }
    const unplaced = await this.store.unplacedArticles(1_000);
    for (const articleId of unplaced) await this.queue.send(QUEUES.place, { articleId }, { singletonKey: articleId });
  }
}
