/** A pool worker: runs analysis jobs posted by `annotate-pool.ts`, one at a time. */
import { parentPort } from 'node:worker_threads';
import type { AnalysisBudget } from '../annotate/index.js';
import { errorToData, runAnnotateJob, type AnnotateInput } from './annotate-job.js';

interface JobMessage {
  readonly id: number;
  readonly input: AnnotateInput;
  readonly budget?: AnalysisBudget;
}

parentPort!.on('message', (job: JobMessage) => {
  try {
    parentPort!.postMessage({ id: job.id, ok: true, doc: runAnnotateJob(job.input, job.budget) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, error: errorToData(err) });
  }
});
parentPort!.postMessage({ ready: true });
