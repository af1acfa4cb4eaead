/** A pool worker: runs jobs posted by `annotate-pool.ts` (annotate an article, build a story), one at a time. */
import { parentPort } from 'node:worker_threads';
import { errorToData, runPoolWork, type PoolWork } from './annotate-job.js';

interface JobMessage {
  readonly id: number;
  readonly work: PoolWork;
}

parentPort!.on('message', (job: JobMessage) => {
  try {
    parentPort!.postMessage({ id: job.id, ok: true, result: runPoolWork(job.work) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, error: errorToData(err) });
  }
});
parentPort!.postMessage({ ready: true });
