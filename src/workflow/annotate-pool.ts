/**
 * Analysis off the event loop: a small pool of worker threads that extract
 * and annotate articles, so a heavy article never stalls the HTTP server (a
 * 2 MB text held `/api/health` for 93 s when it ran on the loop). Each job
 * can be given an AbortSignal: a job still waiting is dropped (`E_BUSY`), a
 * running one is stopped by ending its worker, which is then replaced
 * (`E_DEADLINE`). A worker that runs out of memory fails only its job.
 *
 * @example
 * const doc = await annotateArticle(page, { signal: AbortSignal.timeout(30_000) });
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startThread } from './thread.js';
import { StageError, type Doc } from '../core/index.js';
import type { AnalysisBudget } from '../annotate/index.js';
import { errorFromData, isPage, runPoolWork, type AnnotateInput, type ErrorData, type PoolWork } from './annotate-job.js';
import type { StoryBuildData, StoryBuildInput } from './story-build-job.js';

export type { AnnotateInput } from './annotate-job.js';

export interface AnnotateOptions {
  /** Stop when it aborts: a queued job is dropped (`E_BUSY`), a running one stopped (`E_DEADLINE`). */
  readonly signal?: AbortSignal;
  /** How the input is named in errors (default: its source). */
  readonly name?: string;
  readonly budget?: AnalysisBudget;
}

export interface AnnotationPoolOptions {
  /** Worker threads; 0 runs jobs on the calling thread. Default `PARALLAX_WORKERS`, else one per core but one, at most 4. */
  readonly workers?: number;
  /** Jobs allowed to wait for a worker; one more is refused at once with `E_BUSY`. */
  readonly maxQueued?: number;
}

/**
 * Heap per worker: above what a budgeted article needs (~0.5 GB for 5 MB of text) with the models
 * (~0.15 GB), so only runaway input hits it. Kept under 1 GB on purpose: V8 lets a heap whose limit
 * is 1 GB or more grow to four times its live data between full collections, a smaller one to about
 * twice, and a worker thread's live data is mostly its models (a 2 GB limit let the thread's heap
 * reach 430 MB over 250 MB live while it annotated).
 */
const WORKER_HEAP_MB = 960;
/** Enough waiting jobs for a burst of uploads; past this the server says it is busy instead of queueing without end. */
const DEFAULT_MAX_QUEUED = 64;
/** More threads than this only add memory: the CPU is the limit. */
const MAX_DEFAULT_WORKERS = 4;

interface Job {
  readonly id: number;
  readonly work: PoolWork;
  readonly name: string;
  readonly signal?: AbortSignal;
  readonly resolve: (result: unknown) => void;
  readonly reject: (err: Error) => void;
  startedAt?: number;
  onAbort?: () => void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
  ready: boolean;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ErrorData } | { ready: true };

class AnnotationPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** Set when a worker could not start at all (no loader for TypeScript sources, say): jobs then run on this thread. */
  private broken = false;

  constructor(private readonly size: number, private readonly maxQueued: number) {}

  /**
   * Run a job on a worker. `unbounded` jobs (story builds, which the job queue already meters) are
   * never refused for a full queue.
   */
  run(work: PoolWork, name: string, options: { signal?: AbortSignal; unbounded?: boolean } = {}): Promise<unknown> {
    if (this.size === 0 || this.broken) return runHere(work);
    if (options.signal?.aborted) return Promise.reject(busy(name, this.queue.length));
    if (!options.unbounded && this.queue.length >= this.maxQueued) return Promise.reject(busy(name, this.queue.length));
    return new Promise<unknown>((resolve, reject) => {
      const job: Job = { id: this.nextId++, work, name, signal: options.signal, resolve, reject };
      if (job.signal) {
        job.onAbort = () => this.abort(job);
        job.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Start the workers now, so the first job does not wait for a worker to load its models. */
  warm(): void {
    if (this.broken) return;
    while (this.slots.length < this.size) this.spawn();
  }

  async stop(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const job of this.queue.splice(0)) this.finish(job, busy(job.name, 0));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      if (this.broken) {
        for (const job of this.queue.splice(0)) runHere(job.work).then((result) => this.finish(job, null, result), (err: Error) => this.finish(job, err));
        return;
      }
      const slot = this.slots.find((s) => s.job === null) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      job.startedAt = Date.now();
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, work: job.work });
    }
  }

  private spawn(): Slot {
    const worker = createWorker();
    const slot: Slot = { worker, job: null, ready: false };
    this.slots.push(slot);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        slot.ready = true;
        return;
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      worker.unref();
      if (reply.ok) this.finish(job, null, reply.result);
      else this.finish(job, errorFromData(reply.error, job.name));
      this.dispatch();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const job = slot.job;
      slot.job = null;
      if (!slot.ready) {
        // The worker never started (no loader for its source, say): analyse on this thread rather than not at all.
        this.broken = true;
        if (job) this.queue.unshift(job);
        return;
      }
      if (job) {
        const reason = err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `its analysis needed more than ${WORKER_HEAP_MB} MB of memory`
          : `the analysis worker failed (${err.message.split('\n')[0]})`;
        this.finish(job, new StageError(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'E_TOO_COMPLEX' : 'E_WORKER_FAILED', `${job.name}: ${reason}`));
      }
    });
    worker.on('exit', () => {
      const i = this.slots.indexOf(slot);
      if (i !== -1) this.slots.splice(i, 1);
      const job = slot.job;
      slot.job = null;
      if (job) this.finish(job, new StageError('E_WORKER_FAILED', `${job.name}: the analysis worker stopped`));
      this.dispatch();
    });
    return slot;
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued !== -1) {
      this.queue.splice(queued, 1);
      this.finish(job, busy(job.name, this.queue.length));
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (!slot) return;
    slot.job = null;
    const seconds = ((Date.now() - (job.startedAt ?? Date.now())) / 1000).toFixed(1);
    this.finish(job, new StageError('E_DEADLINE', `${job.name}: analysis stopped after ${seconds} s: the time allowed ran out`));
    // Synchronous work cannot be interrupted: the worker is ended, and a new one takes its place on the next job.
    const i = this.slots.indexOf(slot);
    if (i !== -1) this.slots.splice(i, 1);
    void slot.worker.terminate();
    this.dispatch();
  }

  private finish(job: Job, err: Error | null, result?: unknown): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    if (err) job.reject(err);
    else job.resolve(result);
  }
}

function createWorker(): Worker {
  return startThread('annotate-worker', import.meta.url, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

function runHere(work: PoolWork): Promise<unknown> {
  try {
    return Promise.resolve(runPoolWork(work));
  } catch (err) {
    return Promise.reject(err);
  }
}

function busy(name: string, waiting: number): StageError {
  return new StageError('E_BUSY', `${name}: no analysis worker became free in time (${waiting} other articles waiting); try again shortly`);
}

function nameOf(input: AnnotateInput): string {
  const source = input.source;
  return source.item ?? source.url ?? source.path ?? (isPage(input) ? 'page' : input.id);
}

function defaultWorkers(): number {
  const configured = Number(process.env['PARALLAX_WORKERS']);
  if (process.env['PARALLAX_WORKERS'] !== undefined && Number.isInteger(configured) && configured >= 0) return configured;
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, availableParallelism() - 1));
}

let pool: AnnotationPool | null = null;

/** Size the process-wide pool (before first use, or after {@link stopAnnotationPool}). */
export function configureAnnotationPool(options: AnnotationPoolOptions): void {
  void pool?.stop();
  pool = new AnnotationPool(options.workers ?? defaultWorkers(), options.maxQueued ?? DEFAULT_MAX_QUEUED);
}

/**
 * Extract (for a page) and annotate one article on a pool worker: the
 * annotated doc, as `createArticlePipeline().run` gives it. Rejects with the
 * extraction's own error (`E_NO_ARTICLE`, …), or `E_BUSY` / `E_DEADLINE` /
 * `E_TOO_COMPLEX` / `E_WORKER_FAILED` naming the input.
 */
export function annotateArticle(input: AnnotateInput, options: AnnotateOptions = {}): Promise<Doc> {
  pool ??= new AnnotationPool(defaultWorkers(), DEFAULT_MAX_QUEUED);
  const work: PoolWork = { kind: 'annotate', input, ...(options.budget ? { budget: options.budget } : {}) };
  return pool.run(work, options.name ?? nameOf(input), options.signal ? { signal: options.signal } : {}) as Promise<Doc>;
}

/**
 * Build a story on a pool worker (on this thread when workers are off): the build's data.
 * Rejects with `E_TOO_COMPLEX` or `E_WORKER_FAILED` naming the story when its worker fails.
 */
export function buildStoryOffThread(input: StoryBuildInput): Promise<StoryBuildData> {
  pool ??= new AnnotationPool(defaultWorkers(), DEFAULT_MAX_QUEUED);
  const built = pool.run({ kind: 'story', input }, `story ${input.storyId}`, { unbounded: true }) as Promise<StoryBuildData>;
  // A story too large for a worker's heap is still built, on this thread's larger one.
  return built.catch((err: unknown) => {
    if (err instanceof StageError && err.code === 'E_TOO_COMPLEX') return runPoolWork({ kind: 'story', input }) as StoryBuildData;
    throw err;
  });
}

/** Start the pool's workers ahead of the first job (a server does this when it starts listening). */
export function warmAnnotationPool(): void {
  pool ??= new AnnotationPool(defaultWorkers(), DEFAULT_MAX_QUEUED);
  pool.warm();
}

/** End the pool's workers (jobs still waiting fail with `E_BUSY`); the next job starts a new pool. */
export async function stopAnnotationPool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.stop();
}
