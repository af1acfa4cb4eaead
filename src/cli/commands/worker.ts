import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { ConfigError } from '../../core/index.js';
import type { CliIO } from '../io.js';
import { writeLine } from '../io.js';
import { EXIT_OK } from '../exit-codes.js';
import type { StoreFlags } from '../store-options.js';
import { openRuntime } from '../runtime.js';
import { listenForStop } from '../stop-signal.js';

export interface WorkerFlags extends StoreFlags { concurrency?: number; untilIdle?: boolean; nice?: number }

/**
 * Give this process the nice value `nice`: every thread it has now, and so every thread it starts
 * later (a thread inherits its creator's). Linux keeps a nice value per thread, and setting the
 * process's id alone reniced only the main thread: V8's helper threads (garbage collection and
 * compilation for the analysis threads too) kept competing with `serve` at full priority.
 * @throws ConfigError E_NICE when the system refuses
 */
export function lowerPriority(nice: number): void {
  try {
    setPriority(process.pid, nice);
    for (const tid of threadIds()) if (tid !== process.pid) setPriority(tid, nice);
  } catch (err) {
    throw new ConfigError('E_NICE', `cannot set this process's priority to nice ${nice}: ${(err as Error).message}`, { cause: err });
  }
}

/** The process's threads (Linux); elsewhere none beyond the process itself. */
function threadIds(): number[] {
  try {
    return readdirSync('/proc/self/task').map(Number).filter(Number.isInteger);
  } catch {
    return [];
  }
}

/**
 * `parallax worker`: take jobs from the queue (read and annotate articles, place them, rebuild
 * stories, fetch URLs, poll feeds) until stopped (SIGINT/SIGTERM: the jobs in hand finish first),
 * or with `--until-idle` until no job is left. Run several, on one machine or several (PostgreSQL);
 * beside `serve` on the same machine, `--nice 10` leaves the CPU to the server's reads first.
 */
export async function runWorker(flags: WorkerFlags, io: CliIO): Promise<number> {
  // Before anything starts its threads: the analysis threads the worker starts inherit it.
  if (flags.nice !== undefined) lowerPriority(flags.nice);
  const runtime = await openRuntime(flags, io, { work: 'always', concurrency: flags.concurrency });
  const worker = runtime.worker!;
  // listening before saying so: a Ctrl-C right after the line below is a clean stop
  const stop = listenForStop();
  writeLine(io.stderr, `parallax: worker ${process.pid} on ${runtime.store.location}, ${flags.concurrency ?? 1} article loop(s)${flags.nice !== undefined ? `, nice ${flags.nice}` : ''}${flags.untilIdle ? ', until the queue is empty' : ' (Ctrl-C to stop)'}`);
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
