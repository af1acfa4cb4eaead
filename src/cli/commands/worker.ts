import type { CliIO } from '../io.js';
import { writeLine } from '../io.js';
import { EXIT_OK } from '../exit-codes.js';
import type { StoreFlags } from '../store-options.js';
import { openRuntime } from '../runtime.js';
import { listenForStop } from '../stop-signal.js';

export interface WorkerFlags extends StoreFlags { concurrency?: number; untilIdle?: boolean }

/**
 * `parallax worker`: take jobs from the queue (read and annotate articles, place them, rebuild
 * stories, fetch URLs, poll feeds) until stopped (SIGINT/SIGTERM: the jobs in hand finish first),
 * or with `--until-idle` until no job is left. Run several, on one machine or several (PostgreSQL).
 */
export async function runWorker(flags: WorkerFlags, io: CliIO): Promise<number> {
  const runtime = await openRuntime(flags, io, { work: 'always', concurrency: flags.concurrency });
  const worker = runtime.worker!;
  // listening before saying so: a Ctrl-C right after the line below is a clean stop
  const stop = listenForStop();
  writeLine(io.stderr, `parallax: worker ${process.pid} on ${runtime.store.location}, ${flags.concurrency ?? 1} article loop(s)${flags.untilIdle ? ', until the queue is empty' : ' (Ctrl-C to stop)'}`);
  try {
    if (flags.untilIdle) await worker.untilIdle();
    else await stop.stopped;
  } finally {
    await runtime.close();
    stop.release();
  }
  const done = Object.entries(worker.done).map(([queue, n]) => `${n} ${queue}`).join(', ') || 'no jobs';
  writeLine(io.stderr, `parallax: worker ${process.pid} stopped after ${done}`);
  return EXIT_OK;
}
