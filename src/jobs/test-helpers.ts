/** A store and its job queue on each engine, for the job tests. */
import { randomBytes } from 'node:crypto';
import { openStoreOnClient, openPostgresTarget } from '../store/open-store.js';
import { openPgliteClient } from '../store/pglite-client.js';
import type { RawPage } from '../core/index.js';
import type { Store } from '../store/index.js';
import { JobQueue, type JobQueueOptions } from './queue.js';

export interface JobsUnderTest {
  readonly store: Store;
  readonly queue: JobQueue;
  close(): Promise<void>;
}

/** Retries that keep a test short: two, one second apart (doubling). */
export const QUICK_RETRIES = { limit: 2, delaySeconds: 1 } as const;

/** PGlite in memory with its queue. */
export async function pgliteJobs(options: JobQueueOptions = {}): Promise<JobsUnderTest> {
  const store = await openStoreOnClient(await openPgliteClient({}), 'memory');
  const queue = await JobQueue.open(store, { maintain: true, rebuildDelaySeconds: 0.2, ...options });
  return { store, queue, close: async () => { await queue.stop(); await store.close(); } };
}

/** A schema of its own on a shared PostgreSQL server (and one for the queue), dropped afterwards. */
export async function postgresJobs(url: string, options: JobQueueOptions = {}): Promise<JobsUnderTest> {
  const schema = `parallax_jobs_test_${randomBytes(5).toString('hex')}`;
  const admin = await openPostgresTarget(url);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const store = await openStoreOnClient(await openPostgresTarget(url, { schema }), schema);
  const queue = await JobQueue.open(store, { maintain: true, rebuildDelaySeconds: 0.2, schema: `${schema}_q`, ...options });
  return {
    store,
    queue,
    close: async () => {
      await queue.stop();
      await store.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_q CASCADE`);
      await admin.close();
    },
  };
}

/** A read page of plain text, as ingestion gives it. */
export function textPage(text: string, options: { title?: string; url?: string } = {}): RawPage {
  return {
    source: options.url ? { url: options.url } : {},
    format: 'text',
    content: text,
    encoding: 'utf-8',
    fetchedAt: new Date().toISOString(),
    ...(options.title ? { hints: { from: 'http' as const, title: options.title } } : {}),
  };
}
