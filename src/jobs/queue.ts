/**
 * The job queue: pg-boss in the store's own database. On PostgreSQL several
 * worker processes on several machines share it; on the embedded PGlite the
 * same queue runs in the one process that holds the folder. Jobs survive a
 * crash in their table: a job whose worker died is retried (at once on
 * PGlite, where no other process can hold it; after its expiry on
 * PostgreSQL), and a job that fails every retry lands in the `dead` queue
 * with the reason.
 */
import { randomBytes } from 'node:crypto';
import PgBoss from 'pg-boss';
import { ConfigError, describeError } from '../core/index.js';
import type { SqlClient, SqlExecutor, Store } from '../store/index.js';
import { QUEUES, type QueueName } from './names.js';

/** pg-boss tables live in their own schema beside the store's tables. */
export const DEFAULT_JOB_SCHEMA = 'parallax_jobs';
/** A job active longer than this is taken for lost (its worker died) and retried. */
export const DEFAULT_EXPIRE_SECONDS = 300;
/** A rebuild waits this long after the change that asked for it, so changes close together make one build. */
export const DEFAULT_REBUILD_DELAY_SECONDS = 1;
/** Rebuilds may run this many times longer than other jobs before they are taken for lost. */
const LONG_JOB_FACTOR = 6;
/** How often pg-boss maintenance (expiring lost jobs, archiving) runs, in the processes that run it. */
const MAINTENANCE_SECONDS = 10;
/** Completed jobs stay in the job table this long (readable by `add --wait`), then move to the archive. */
const ARCHIVE_AFTER_SECONDS = 6 * 60 * 60;
const INSERT_CHUNK = 500;
/** Advisory lock key serialising the queue's setup (the store's own keys are 7_061_420_771 and 7_061_420_772). */
const QUEUE_SETUP_LOCK_KEY = 7_061_420_773;
const WAIT_POLL_MS = 150;

export interface JobQueueOptions {
  /** Schema of the queue's tables. Default DEFAULT_JOB_SCHEMA. */
  readonly schema?: string;
  /** Run queue maintenance in this process (workers do; a process that only queues jobs need not). */
  readonly maintain?: boolean;
  /** See DEFAULT_EXPIRE_SECONDS; default from PARALLAX_JOB_EXPIRE_SECONDS. */
  readonly expireSeconds?: number;
  /** See DEFAULT_REBUILD_DELAY_SECONDS. */
  readonly rebuildDelaySeconds?: number;
  /** Where queue errors are reported (default: stderr). */
  readonly onError?: (message: string) => void;
  /** Retries of every queue instead of each queue's own (tests: fewer, sooner). */
  readonly retry?: { readonly limit: number; readonly delaySeconds: number };
}

/** Retries and dead-lettering per queue. */
interface QueuePolicy {
  readonly policy: 'standard' | 'short';
  readonly retryLimit: number;
  readonly retryDelay: number;
  readonly expireLong?: boolean;
}

const POLICIES: Record<Exclude<QueueName, 'dead'>, QueuePolicy> = {
  // A worker killed mid-article costs one attempt: allow a few before giving up on the input.
  article: { policy: 'standard', retryLimit: 5, retryDelay: 2 },
  fetch: { policy: 'standard', retryLimit: 3, retryDelay: 10 },
  // `short`: at most one queued job per key (a story, a feed, an article); later requests fold into it.
  // (Not `stately`, whose one-running-job-per-key rule lets a job left running by a dead worker block the whole queue.)
  place: { policy: 'short', retryLimit: 5, retryDelay: 2 },
  rebuild: { policy: 'short', retryLimit: 3, retryDelay: 5, expireLong: true },
  feed: { policy: 'short', retryLimit: 2, retryDelay: 30 },
};

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobStatus {
  readonly id: string;
  readonly queue: string;
  readonly state: JobState;
  /** The input the job was queued for (`input` of its payload), when it has one. */
  readonly input: string | null;
  /** The handler's result when completed; `{ message, … }` when failed. */
  readonly output: Record<string, unknown> | null;
}

export interface DeadJob {
  readonly id: string;
  /** The queue the job came from, when known. */
  readonly data: unknown;
  readonly reason: string;
  readonly at: string;
}

let lastMs = 0;
let sequence = 0;

/**
 * A time-ordered UUID (version 7 layout, with a per-process sequence after the milliseconds):
 * pg-boss takes jobs queued in one statement in id order, so ids in queuing order keep the
 * articles of a batch in the order they were given.
 */
export function orderedUuid(): string {
  const now = Date.now();
  if (now > lastMs) { lastMs = now; sequence = 0; } else sequence++;
  const ms = lastMs.toString(16).padStart(12, '0');
  const seqHigh = ((sequence >>> 14) & 0xfff).toString(16).padStart(3, '0');
  const seqLow = (0x8000 | (sequence & 0x3fff)).toString(16).padStart(4, '0');
  const random = randomBytes(6).toString('hex');
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${seqHigh}-${seqLow}-${random}`;
}

/** pg-boss's view of a database connection, over the store's client (or one transaction of it). */
export function bossDb(sql: SqlExecutor & { script?: SqlClient['script'] }): { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number }> } {
  return {
    executeSql: (text, values) => (values && values.length > 0 ? sql.query(text, values) : sql.script ? sql.script(text) : sql.query(text)),
  };
}

function envSeconds(name: string): number | undefined {
  const raw = process.env[name];
  if (!raw) return undefined;
  const n = Number(raw);
  if (!(Number.isFinite(n) && n > 0)) throw new ConfigError('E_USAGE', `${name} must be a positive number of seconds, got "${raw}"`);
  return n;
}

/** A job queue over one store's database. */
export class JobQueue {
  private stopped = false;
  /** Waiters of this process per queue, woken when this process queues a job there (see {@link whenSent}). */
  private readonly waiters = new Map<QueueName, Set<() => void>>();

  private constructor(
    readonly boss: PgBoss,
    readonly store: Store,
    readonly schema: string,
    readonly rebuildDelaySeconds: number,
  ) {}

  /** Start pg-boss on the store's database (creating its schema the first time) and its queues. */
  static async open(store: Store, options: JobQueueOptions = {}): Promise<JobQueue> {
    const schema = options.schema ?? DEFAULT_JOB_SCHEMA;
    const expireSeconds = options.expireSeconds ?? envSeconds('PARALLAX_JOB_EXPIRE_SECONDS') ?? DEFAULT_EXPIRE_SECONDS;
    const report = options.onError ?? ((message: string) => process.stderr.write(`parallax: job queue: ${message}\n`));
    const boss = new PgBoss({
      db: bossDb(store.sql),
      schema,
      supervise: options.maintain ?? false,
      schedule: false,
      maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
      archiveCompletedAfterSeconds: ARCHIVE_AFTER_SECONDS,
    } as PgBoss.ConstructorOptions);
    boss.on('error', (err: Error) => report(describeError(err)));
    const setUp = async () => {
      await boss.start();
      // Create the queues the first time, and bring the settings of existing ones up to date (one read when nothing changed).
      const existing = new Map((await boss.getQueues()).map((q) => [q.name, q]));
      const wanted: PgBoss.Queue[] = [
        { name: QUEUES.dead, policy: 'standard', retryLimit: 0, retentionMinutes: 60 * 24 * 30 } as PgBoss.Queue,
        ...Object.entries(POLICIES).map(([name, p]) => ({
          name,
          policy: p.policy,
          retryLimit: options.retry?.limit ?? p.retryLimit,
          retryDelay: options.retry?.delaySeconds ?? p.retryDelay,
          retryBackoff: true,
          // A big story can take minutes to build: its jobs may run longer before they count as lost.
          expireInSeconds: p.expireLong ? expireSeconds * LONG_JOB_FACTOR : expireSeconds,
          deadLetter: QUEUES.dead,
        }) as PgBoss.Queue),
      ];
      for (const settings of wanted) {
        const current = existing.get(settings.name) as (PgBoss.Queue & Record<string, unknown>) | undefined;
        if (!current) await boss.createQueue(settings.name, settings);
        else if (Object.entries(settings).some(([key, value]) => current[key] !== undefined && current[key] !== value)) await boss.updateQueue(settings.name, settings);
      }
    };
    if (store.kind === 'postgres') {
      // Processes started at the same instant on a fresh database set the queue up one after the other.
      // pg-boss's own lock is not enough: a session that waited for an advisory lock may still read the
      // catalog as it was before, and its CREATE SCHEMA IF NOT EXISTS then fails on the schema the other
      // process just made (a worker and an `add` started together: one of them died). This lock is held on a
      // connection of its own, and pg-boss's statements run after it in new transactions, which read the
      // catalog afresh.
      await store.sql.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(${QUEUE_SETUP_LOCK_KEY})`);
        await setUp();
      });
    } else {
      await setUp();
    }
    return new JobQueue(boss, store, schema, options.rebuildDelaySeconds ?? DEFAULT_REBUILD_DELAY_SECONDS);
  }

  /** Queue one job; returns its id (null when the queue already holds one waiting for the key). */
  async send(queue: QueueName, data: object, options: { singletonKey?: string; startAfterSeconds?: number; tx?: SqlExecutor } = {}): Promise<string | null> {
    const id = await this.boss.send(queue, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.tx ? { db: bossDb(options.tx) } : {}),
    } as PgBoss.SendOptions);
    // A job inside a transaction, or one that waits, is not there to take yet.
    if (!options.tx && !options.startAfterSeconds) this.wake(queue);
    return id;
  }

  /** Queue many jobs of one queue at once (not for keyed queues: place, rebuild, feed); returns their ids in order. */
  async sendMany(queue: QueueName, items: readonly object[]): Promise<string[]> {
    const ids = items.map(() => orderedUuid());
    for (let i = 0; i < items.length; i += INSERT_CHUNK) {
      await this.boss.insert(items.slice(i, i + INSERT_CHUNK).map((data, k) => ({ id: ids[i + k]!, name: queue, data })));
    }
    if (ids.length > 0) this.wake(queue);
    return ids;
  }

  /**
   * Resolve when this process queues a job in `queue`, after `ms`, or when `signal` aborts: an idle
   * worker loop of this process takes the job at once, without polling the database meanwhile.
   */
  whenSent(queue: QueueName, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.waiters.get(queue) ?? new Set<() => void>();
      this.waiters.set(queue, waiters);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
      if (signal?.aborted) done();
      else signal?.addEventListener('abort', done, { once: true });
    });
  }

  private wake(queue: QueueName): void {
    for (const done of [...(this.waiters.get(queue) ?? [])]) done();
  }

  /** Ask for a story to be rebuilt after the rebuild delay; requests close together fold into one job. */
  async requestRebuild(storyId: string, tx?: SqlExecutor): Promise<void> {
    await this.send(QUEUES.rebuild, { storyId }, { singletonKey: storyId, startAfterSeconds: this.rebuildDelaySeconds, ...(tx ? { tx } : {}) });
  }

  /** Where these jobs are (queued, running, done, failed) and what they left, archived ones included. */
  async status(ids: readonly string[]): Promise<Map<string, JobStatus>> {
    if (ids.length === 0) return new Map();
    const rows = await this.byId<{ id: string; name: string; state: JobState; input: string | null; output: Record<string, unknown> | null }>(
      `j.id::text AS id, j.name, j.state::text AS state,
       coalesce(j.data->>'input', j.data->>'url', j.data->>'storyId', j.data->>'articleId') AS input, j.output`,
      ids,
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, queue: r.name, state: r.state, input: r.input, output: r.output }]));
  }

  /** The ids of these jobs that are completed, cancelled or failed for good (only their state is read). */
  private async finished(ids: readonly string[]): Promise<string[]> {
    const rows = await this.byId<{ id: string }>('j.id::text AS id', ids, `WHERE j.state IN ('completed', 'failed', 'cancelled')`);
    return rows.map((r) => r.id);
  }

  /** `columns` of the jobs with these ids (alias `j`), queued or archived: the ids joined, not matched one by one with ANY. */
  private async byId<R>(columns: string, ids: readonly string[], where = ''): Promise<R[]> {
    const from = (table: string) => `SELECT ${columns} FROM ${this.schema}.${table} j JOIN unnest($1::uuid[]) AS w (id) ON w.id = j.id ${where}`;
    return (await this.store.sql.query<R>(`${from('job')} UNION ALL ${from('archive')}`, [ids])).rows;
  }

  /**
   * Wait until every job is completed, cancelled or failed for good, calling `onDone` once for
   * each as it finishes. Resolves to the final statuses; rejects after `timeoutMs` when given.
   */
  async waitFor(ids: readonly string[], options: { onDone?: (status: JobStatus) => void | Promise<void>; timeoutMs?: number } = {}): Promise<Map<string, JobStatus>> {
    const pending = new Set(ids);
    const done = new Map<string, JobStatus>();
    const started = Date.now();
    while (pending.size > 0) {
      // States only while jobs run; what a job left is read once, when it is finished.
      const finished = await this.finished([...pending]);
      for (const status of (await this.status(finished)).values()) {
        pending.delete(status.id);
        done.set(status.id, status);
        await options.onDone?.(status);
      }
      if (pending.size === 0) break;
      if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs) {
        throw new ConfigError('E_JOB_TIMEOUT', `${pending.size} jobs still waiting after ${Math.round(options.timeoutMs / 1000)} s: is a worker running (parallax worker)?`);
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    }
    return done;
  }

  /** Jobs waiting or running per queue (the dead queue counts the dead letters). */
  async counts(): Promise<Record<string, { waiting: number; active: number; failed: number }>> {
    const { rows } = await this.store.sql.query<{ name: string; state: JobState; n: number }>(
      `SELECT name, state::text AS state, count(*)::integer AS n FROM ${this.schema}.job GROUP BY name, state`,
    );
    const out: Record<string, { waiting: number; active: number; failed: number }> = {};
    for (const name of Object.values(QUEUES)) out[name] = { waiting: 0, active: 0, failed: 0 };
    for (const r of rows) {
      const c = (out[r.name] ??= { waiting: 0, active: 0, failed: 0 });
      if (r.state === 'created' || r.state === 'retry') c.waiting += r.n;
      else if (r.state === 'active') c.active += r.n;
      else if (r.state === 'failed') c.failed += r.n;
    }
    return out;
  }

  /** True when no job of these queues waits or runs. */
  async idle(queues: readonly QueueName[] = Object.values(QUEUES).filter((q) => q !== QUEUES.dead)): Promise<boolean> {
    const counts = await this.counts();
    return queues.every((q) => (counts[q]?.waiting ?? 0) + (counts[q]?.active ?? 0) === 0);
  }

  /** Jobs that failed every retry, newest first, with the reason. */
  async deadLetters(limit = 100): Promise<DeadJob[]> {
    const { rows } = await this.store.sql.query<{ id: string; data: unknown; output: { message?: string } | null; created_on: Date | string }>(
      `SELECT id::text AS id, data, output, created_on FROM ${this.schema}.job WHERE name = $1
       UNION ALL SELECT id::text, data, output, created_on FROM ${this.schema}.archive WHERE name = $1
       ORDER BY created_on DESC LIMIT $2`,
      [QUEUES.dead, limit],
    );
    return rows.map((r) => ({ id: r.id, data: r.data, reason: r.output?.message ?? 'no reason recorded', at: new Date(r.created_on).toISOString() }));
  }

  /**
   * Retry the jobs marked active: they belonged to a process that died. Only safe where no other
   * process can be running them (PGlite, whose folder one process holds).
   */
  async recoverOrphans(): Promise<number> {
    const { rows } = await this.store.sql.query<{ id: string; name: string }>(`SELECT id::text AS id, name FROM ${this.schema}.job WHERE state = 'active'`);
    for (const r of rows) await this.boss.fail(r.name, r.id, { message: 'the process running this job stopped (killed or crashed) before it finished' });
    // no retry delay: the job did not fail, its process died, and this process may be done with its own work before a delay ends
    if (rows.length > 0) {
      await this.store.sql.query(`UPDATE ${this.schema}.job SET start_after = now() WHERE id = ANY($1::uuid[]) AND state = 'retry'`, [rows.map((r) => r.id)]);
    }
    return rows.length;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.boss.stop({ graceful: false, close: false, wait: true });
  }
}
