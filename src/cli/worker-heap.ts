/**
 * Heap growth of a `parallax worker` process: how far a heap may grow past what it held after a
 * full collection before the next one. V8's own choice is up to four times for the main thread
 * (whose limit is a share of the machine's memory) and about twice for the analysis thread (a
 * 960 MB limit), and a worker's heaps are mostly garbage at their peak: the main thread holds
 * ~65 MB live (code, the jobs in hand) and the analysis thread ~100 MB (models, caches), while
 * their heaps grew to ~160 and ~200 MB. Collecting at 1.5 times the live data took no more CPU
 * in our runs; 1.25 times saved ~40 MB more but cost 10-20% more CPU (more full collections of
 * the analysis thread's ~100 MB).
 *
 * The flag is the process's (every thread's), and V8 applies it from the next full collection on:
 * this module is the CLI's first import, because the main thread's early collections run while
 * the modules load, and a limit chosen then is kept for as long as the heap stays under it.
 */
import { setFlagsFromString } from 'node:v8';

const WORKER_HEAP_GROWTH_PERCENT = 50;

if (process.argv[2] === 'worker') setFlagsFromString(`--heap-growing-percent=${WORKER_HEAP_GROWTH_PERCENT}`);
