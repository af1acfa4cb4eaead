import type { Store } from '../store/index.js';
import type { JobQueue } from './queue.js';

/** What a job handler works with. */
export interface JobContext {
  readonly store: Store;
  readonly queue: JobQueue;
  /** How fetches behave (the CLI's and the API's limits). */
  readonly fetch: FetchSettings;
  /** A line for the worker's log (stderr). */
  log(line: string): void;
}

export interface FetchSettings {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** Least time between two requests to one host, across every process. */
  readonly hostSpacingMs: number;
}

/** Two seconds between requests to one host: well within what sites expect of a polite crawler. */
export const DEFAULT_HOST_SPACING_MS = 2_000;
