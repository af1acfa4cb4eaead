import { ConfigError } from '../core/index.js';
import type { Store } from '../store/index.js';
import { JobQueue, Worker } from '../jobs/index.js';
import { stopAnnotationPool } from '../workflow/index.js';
import type { CliIO } from './io.js';
import { writeLine } from './io.js';
import { openStoreFromFlags, type StoreFlags } from './store-options.js';
import { ingestOptionsFrom } from './ingest-options.js';

/** The store, its job queue and (when this process works jobs) a worker. */
export interface Runtime {
  readonly store: Store;
  readonly queue: JobQueue;
  readonly worker: Worker | null;
  /** Stop the worker (after the jobs in hand), the queue, and close the store. */
  close(): Promise<void>;
}

/** A positive number from the environment (seconds, or milliseconds for *_MS), or undefined. */
function envSeconds(io: CliIO, name: string): number | undefined {
  const raw = io.env[name];
  if (!raw) return undefined;
  const n = Number(raw);
  if (!(Number.isFinite(n) && n > 0)) throw new ConfigError('E_USAGE', `${name} must be a positive number, got "${raw}"`);
  return n;
}

/**
 * Open the store and its job queue. `work`: run a worker in this process — `always`, or
 * `embedded` (only on PGlite, where no other process can run the jobs).
 */
export async function openRuntime(flags: StoreFlags, io: CliIO, options: { work: 'always' | 'embedded' | 'never'; concurrency?: number }): Promise<Runtime> {
  const store = await openStoreFromFlags(flags, io);
  const works = options.work === 'always' || (options.work === 'embedded' && store.kind === 'pglite');
  let queue: JobQueue;
  try {
    queue = await JobQueue.open(store, {
      maintain: works,
      expireSeconds: envSeconds(io, 'PARALLAX_JOB_EXPIRE_SECONDS'),
      rebuildDelaySeconds: envSeconds(io, 'PARALLAX_REBUILD_DELAY_SECONDS'),
      onError: (message) => writeLine(io.stderr, `parallax: job queue: ${message}`),
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const limits = ingestOptionsFrom({}, io);
  const spacing = envSeconds(io, 'PARALLAX_HOST_SPACING_MS');
  const fetch = {
    ...(limits.timeoutMs ? { timeoutMs: limits.timeoutMs } : {}),
    ...(limits.maxBytes ? { maxBytes: limits.maxBytes } : {}),
    ...(spacing ? { hostSpacingMs: spacing } : {}),
  };
  const worker = works
    ? await Worker.start(store, queue, { concurrency: options.concurrency ?? 1, fetch, log: (line) => writeLine(io.stderr, `parallax: ${line}`) })
    : null;
  return {
    store,
    queue,
    worker,
    async close() {
      try {
        await worker?.stop();
        await queue.stop();
      } finally {
        await store.close();
        // the worker warmed the analysis threads: they go with it, or the process would never exit
        if (worker) await stopAnnotationPool();
      }
    },
  };
}
